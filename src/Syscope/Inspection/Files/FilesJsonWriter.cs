using System.Text.Json;
using Syscope.Text;

namespace Syscope.Inspection.Files;

/// <summary>`files --json`: one object per process with its files; written with Utf8JsonWriter
/// so it needs no reflection under NativeAOT.  Names (command, name, path, peers) are escaped as
/// on the lsof screen (UntrustedText): a control character or an invalid byte can neither break
/// the JSON nor reach a terminal through `jq -r`.</summary>
internal static class FilesJsonWriter
{
    public static void Write(Stream output, IReadOnlyList<ProcessFiles> processes)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartArray();
        foreach (var p in processes)
        {
            w.WriteStartObject();
            w.WriteNumber("pid", p.Process.Pid);
            // A -K task: the thread's own id and name.
            if (p.Tid != 0) w.WriteNumber("tid", p.Tid);
            if (p.TaskCommand != null) w.WriteString("task_command", UntrustedText.Escape(p.TaskCommand));
            w.WriteString("command", p.Process.DisplayComm);
            w.WriteString("user", p.User);
            w.WriteNumber("uid", p.Process.Uid);
            w.WriteStartArray("files");
            foreach (var f in p.Files) WriteFile(w, f);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteFile(Utf8JsonWriter w, OpenFile f)
    {
        w.WriteStartObject();
        w.WriteString("fd", f.Fd);
        if (f.FdNumber >= 0) w.WriteNumber("fd_number", f.FdNumber);
        if (f.Mode != ' ') w.WriteString("mode", f.Mode.ToString());
        if (f.Lock != ' ') w.WriteString("lock", f.Lock.ToString());
        w.WriteString("type", f.Type);
        w.WriteString("device", f.Device);
        if (f.Offset is long off) w.WriteNumber("offset", off);
        else if (long.TryParse(f.SizeOff, out long size)) w.WriteNumber("size", size);
        w.WriteString("node", f.Node);
        w.WriteString("name", UntrustedText.Escape(f.Name));
        if (f.Inet is { } s)
        {
            w.WriteString("protocol", s.Protocol == Procfs.InetProtocol.Tcp ? "TCP" : "UDP");
            w.WriteString("local_address", s.LocalAddress.ToString());
            w.WriteNumber("local_port", s.LocalPort);
            if (s.HasPeer)
            {
                w.WriteString("remote_address", s.RemoteAddress.ToString());
                w.WriteNumber("remote_port", s.RemotePort);
            }
            if (s.Protocol == Procfs.InetProtocol.Tcp) w.WriteString("state", s.StateName);
        }
        if (f.Unix is { } u)
        {
            if (u.Path != null) w.WriteString("path", UntrustedText.Escape(u.Path));
            w.WriteString("socket_type", u.TypeName);
            w.WriteString("state", u.StateName);
        }
        if (f.Peers != null) w.WriteString("peers", UntrustedText.Escape(f.Peers));
        w.WriteEndObject();
    }
}
