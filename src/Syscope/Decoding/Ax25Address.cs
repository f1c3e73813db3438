using Syscope.Kernel.Abi;

namespace Syscope.Decoding;

/// <summary>
/// AF_AX25 addresses as strace 6.1 prints them: a callsign is six letters shifted left by one and
/// an SSID byte, shown as "VALID-13" when it is a sane callsign, as its bytes with the reading in a
/// comment when it is odd but printable, and as bytes alone when it could not be read back
/// (non-printable, or '*' and '/' that would break the comment).
/// </summary>
internal static class Ax25Address
{
    private enum Form : byte { Style, Commented, Bytes }

    /// <summary>The fields of a full_sockaddr_ax25 as far as len reaches; true when bytes are left
    /// past the digipeaters shown (strace's ", ..." at the end).</summary>
    public static unsafe bool PrintSockaddr(ArgWriter w, FullSockaddrAx25 sa, int len)
    {
        const int size = FullSockaddrAx25.AddressSize;
        // A plain sockaddr_ax25 prints its two fields; with digipeaters they go into fsa_ax25.
        bool full = sa.NDigis != 0 || len > FullSockaddrAx25.BaseSize;
        if (full) w.Field("fsa_ax25"u8).BeginStruct();
        Print(w.Field("sax25_call"u8), new ReadOnlySpan<byte>(sa.Call, size));
        w.Field("sax25_ndigis"u8).Int(sa.NDigis);
        if (!full) return false;
        w.EndStruct();
        int has = Math.Min((len - FullSockaddrAx25.BaseSize) / size, FullSockaddrAx25.MaxDigis);
        int want = Math.Clamp(sa.NDigis, 0, FullSockaddrAx25.MaxDigis);
        if (want != 0)
        {
            var digis = new ReadOnlySpan<byte>(sa.Digipeaters, size * FullSockaddrAx25.MaxDigis);
            w.Field("fsa_digipeater"u8).BeginArray();
            for (int i = 0; i < Math.Min(has, want); i++) Print(w.Element(), digis.Slice(i * size, size));
            if (want > has) w.Elided().Raw("..."u8);
            w.EndArray();
        }
        return len > has * size + FullSockaddrAx25.BaseSize;
    }

    public static void Print(ArgWriter w, ReadOnlySpan<byte> call)
    {
        var form = Check(call);
        var style = form switch
        {
            Form.Bytes => ConstStyle.Raw,
            Form.Commented => ConstStyle.Verbose,
            _ => w.Style,
        };
        if (style != ConstStyle.Abbrev) w.BeginStruct().Field("ax25_call"u8).Quoted(call, 2, false).EndStruct();
        if (style == ConstStyle.Raw) return;
        if (style == ConstStyle.Verbose) w.Raw(" /* "u8);
        Text(w, call);
        if (style == ConstStyle.Verbose) w.Raw(" */"u8);
    }

    /// <summary>How a callsign can be shown: Style when it is a sane one (letters and digits, spaces
    /// only at the end, an SSID byte with only its four bits).</summary>
    private static Form Check(ReadOnlySpan<byte> call)
    {
        var form = Form.Style;
        bool spaceSeen = false, charSeen = false;
        for (int i = 0; i < call.Length - 1; i++)
        {
            int c = call[i];
            if ((c & 1) != 0) form = Form.Commented;
            c >>= 1;
            if (c == ' ') spaceSeen = true; else charSeen = true;
            if (c is not (>= '0' and <= '9' or >= 'A' and <= 'Z' or ' ')) form = Form.Commented;
            if (c != ' ' && spaceSeen) form = Form.Commented;
            if (c is < ' ' or > 0x7e or '*' or '/') return Form.Bytes;
        }
        byte ssid = call[^1];
        if ((ssid & ~0x1e) != 0 || (!charSeen && ssid != 0)) form = Form.Commented;
        return form;
    }

    /// <summary>"VALID-13": the callsign without trailing spaces, '-', the SSID; "*" for an empty
    /// callsign with SSID 0.</summary>
    private static void Text(ArgWriter w, ReadOnlySpan<byte> call)
    {
        int end = call.Length - 1;
        while (end > 0 && call[end - 1] >> 1 == ' ') end--;
        int ssid = (call[^1] >> 1) & 0xf;
        if (end == 0 && ssid == 0) { w.Raw((byte)'*'); return; }
        for (int i = 0; i < end; i++) w.Raw((byte)(call[i] >> 1));
        w.Raw((byte)'-').UInt((ulong)ssid);
    }
}
