using Syscope.Filtering;

namespace Syscope.Decoding;

/// <summary>--decode-fds: what is printed after a descriptor.  -y is Path, -yy is All.</summary>
[Flags]
public enum FdDecoding : byte
{
    None = 0,
    /// <summary>The /proc target: "3&lt;/etc/passwd&gt;".</summary>
    Path = 1,
    /// <summary>Protocol and endpoints: "3&lt;TCP:[127.0.0.1:80-&gt;127.0.0.1:5000]&gt;".</summary>
    Socket = 2,
    /// <summary>Device numbers: "3&lt;/dev/null&lt;char 1:3&gt;&gt;".</summary>
    Dev = 4,
    /// <summary>The process of a pidfd: "3&lt;pid:1234&gt;".</summary>
    Pidfd = 8,
    All = Path | Socket | Dev | Pidfd,
}

/// <summary>Reads a --decode-fds set; it lives beside the flags it makes, above Filtering's set syntax.</summary>
internal static class FdDecodingSet
{
    /// <summary>The items of a set ("all" and "none" aside).</summary>
    public static readonly Text.WordTable<FdDecoding> Words = new(
        ("path", FdDecoding.Path), ("socket", FdDecoding.Socket), ("dev", FdDecoding.Dev), ("pidfd", FdDecoding.Pidfd));

    /// <summary>
    /// --decode-fds=SET (-e decode-fds=SET): path, socket, dev, pidfd in any case; "all" and
    /// "none" only as the whole list and only in lower case, as strace 6.1 accepts them.
    /// </summary>
    public static FdDecoding Parse(string text)
    {
        const string What = "decode-fds";
        (string[] items, bool negated) = SetSyntax.Split(text, What);
        var set = FdDecoding.None;
        if (items is ["all"]) set = FdDecoding.All;
        else if (items is not ["none"])
            foreach (string item in items)
                set |= Words.Find(item.ToLowerInvariant()) ?? throw SetSyntax.Invalid(What, item);
        return negated ? ~set & FdDecoding.All : set;
    }
}
