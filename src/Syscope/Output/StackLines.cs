using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Syscope.Events;

namespace Syscope.Output;

/// <summary>
/// strace -k's frame lines: " &gt; /path/module(symbol+0xoff) [0xmodule_offset]".  A frame it could
/// not name reads " &gt; module() [0x...]", or " &gt; module(+0x0) [0x...]" when captured at the
/// call's entry (strace's two paths differ so); an address outside every module ends the stack as
/// " &gt; unexpected_backtracing_error [0xaddress]".  JIT frames, which strace cannot show, read
/// " &gt; [jit](Method+0xoff) [0xaddress]".  Under -kk a frame whose code has a line in the
/// module's DWARF line tables ends " at /path/file.c:12" (gdb's word; the path as addr2line joins
/// it; for a return address, the line of the call).
/// </summary>
internal static class StackLines
{
    public static void Write(TraceOutput o, StackTrace stack)
    {
        foreach (ref readonly var f in stack.AsSpan())
        {
            if (f.Kind == StackFrameKind.Unknown)
            {
                o.Write(" > unexpected_backtracing_error [0x"u8);
                WriteHex(o, f.Address);
                o.Write((byte)']');
                o.EndLine();
                continue;
            }
            o.Write(" > "u8);
            WriteText(o, f.Module);
            o.Write((byte)'(');
            if (f.Symbol != null || stack.AtEntry)
            {
                if (f.Symbol != null) WriteText(o, f.Symbol);
                o.Write("+0x"u8);
                WriteHex(o, f.SymbolOffset);
            }
            o.Write(") [0x"u8);
            WriteHex(o, f.Kind == StackFrameKind.Jit ? f.Address : f.ModuleOffset);
            o.Write((byte)']');
            if (f.SourceFile != null)
            {
                o.Write(" at "u8);
                WriteText(o, f.SourceFile);
                o.Write((byte)':');
                WriteDecimal(o, f.SourceLine);
            }
            o.EndLine();
        }
        if (stack.TooDeep)
        {
            o.Write(" > too many stack frames"u8);
            o.EndLine();
        }
    }

    private static void WriteHex(TraceOutput o, ulong v)
    {
        Span<byte> digits = stackalloc byte[16];
        Utf8Formatter.TryFormat(v, digits, out int n, new StandardFormat('x'));
        o.Write(digits[..n]);
    }

    private static void WriteDecimal(TraceOutput o, int v)
    {
        Span<byte> digits = stackalloc byte[11];
        Utf8Formatter.TryFormat(v, digits, out int n);
        o.Write(digits[..n]);
    }

    private static void WriteText(TraceOutput o, string text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = max > 512 ? ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> buffer = rented ?? stackalloc byte[512];
        o.Write(buffer[..Encoding.UTF8.GetBytes(text, buffer)]);
        if (rented != null) ArrayPool<byte>.Shared.Return(rented);
    }
}
