namespace Syscope.Cli.Help;

/// <summary>
/// The scripts `syscope completion SHELL` prints.  They hold no list of their own: at each Tab they
/// ask the syscope binary that printed them (Completer) and fall back to file names when it offers
/// nothing.  They complete syscope, and strace, lsof, pgrep or pkill where those names lead to the
/// same binary (links made by install-links).
/// </summary>
internal static class CompletionScripts
{
    public static readonly string[] Shells = ["bash", "zsh"];

    private const string Bash = """
        # bash completion for syscope (printed by `syscope completion bash`).
        # Now:             source <(syscope completion bash)
        # Every session:   syscope completion bash > ~/.local/share/bash-completion/completions/syscope
        #                  (or /etc/bash_completion.d/syscope), or the source line in ~/.bashrc
        _syscope() {
            local cur=${COMP_WORDS[COMP_CWORD]} line=${COMP_LINE:0:COMP_POINT}
            [[ -n $COMP_LINE ]] || line="${COMP_WORDS[*]:0:COMP_CWORD+1}"
            local IFS=$'\n'
            COMPREPLY=($(command @BINARY@ __complete --line "$cur" "$line" 2>/dev/null))
            # "--trace=", "trace=", "open,": the word goes on, no space after it.
            if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *[=,:] ]]; then
                compopt -o nospace 2>/dev/null
            fi
            return 0
        }
        complete -o bashdefault -o default -F _syscope syscope
        for _syscope_name in strace lsof pgrep pkill; do
            if [[ $(type -P "$_syscope_name") -ef @BINARY@ ]]; then complete -o bashdefault -o default -F _syscope "$_syscope_name"; fi
        done
        unset _syscope_name

        """;

    private const string Zsh = """
        #compdef syscope
        # zsh completion for syscope (printed by `syscope completion zsh`); needs compinit.
        # Now:             source <(syscope completion zsh)
        # Every session:   syscope completion zsh > "${fpath[1]}/_syscope"
        #                  (a directory of $fpath), or the source line in ~/.zshrc after compinit
        _syscope() {
            local -a answers spaced unspaced
            local answer
            answers=("${(@f)$(command @BINARY@ __complete --words "${(@Q)words[1,CURRENT-1]}" "${(Q)PREFIX}" 2>/dev/null)}")
            for answer in "${answers[@]}"; do
                [[ -z $answer ]] && continue
                # "--trace=", "trace=", "open,": the word goes on, no space after it.
                if [[ $answer == *[=,:] ]]; then unspaced+=("$answer"); else spaced+=("$answer"); fi
            done
            if (( ${#spaced} + ${#unspaced} == 0 )); then
                _files
                return
            fi
            (( ${#spaced} )) && compadd -- "${spaced[@]}"
            (( ${#unspaced} )) && compadd -S '' -- "${unspaced[@]}"
            return 0
        }
        if [[ ${funcstack[1]} == _syscope ]]; then
            _syscope "$@"
        elif (( $+functions[compdef] )); then
            compdef _syscope syscope
            for _syscope_name in strace lsof pgrep pkill; do
                if [[ ${commands[$_syscope_name]} -ef @BINARY@ ]]; then compdef _syscope $_syscope_name; fi
            done
            unset _syscope_name
        fi

        """;

    /// <summary>The script for a shell, calling back the binary at <paramref name="binary"/>.</summary>
    public static string For(string shell, string binary) =>
        (shell == "zsh" ? Zsh : Bash).Replace("@BINARY@", "'" + binary.Replace("'", "'\\''") + "'");
}
