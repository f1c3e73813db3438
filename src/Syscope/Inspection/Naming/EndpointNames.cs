using System.Net;
using System.Net.Sockets;
using Syscope.Inspection.Procfs;

namespace Syscope.Inspection.Naming;

/// <summary>Prints addresses, ports and users the way lsof does, named unless -n / -P ask for numbers.</summary>
internal sealed class EndpointNames(
    Dictionary<IPAddress, string> hosts, Dictionary<(int, string), string> services,
    Dictionary<uint, string> users, bool numericHosts = false, bool numericPorts = false)
{
    public static EndpointNames FromSystem(bool numericHosts = false, bool numericPorts = false) => new(
        NameFiles.ParseHosts(NameFiles.ReadOrEmpty("/etc/hosts")),
        NameFiles.ParseServices(NameFiles.ReadOrEmpty("/etc/services")),
        NameFiles.ParsePasswd(NameFiles.ReadOrEmpty("/etc/passwd")),
        numericHosts, numericPorts);

    public string User(uint uid) => users.TryGetValue(uid, out var name) ? name : uid.ToString();

    public string? Service(int port, InetProtocol protocol) =>
        services.TryGetValue((port, protocol == InetProtocol.Tcp ? "tcp" : "udp"), out var name) ? name : null;

    /// <summary>"localhost:mysql", "*:22", "[::1]:3306".</summary>
    public string Endpoint(IPAddress address, int port, InetProtocol protocol) =>
        Host(address) + ":" + Port(port, protocol);

    public string Host(IPAddress address)
    {
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return "*";
        if (!numericHosts && hosts.TryGetValue(address, out var name)) return name;
        return address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
    }

    public string Port(int port, InetProtocol protocol)
    {
        if (port == 0) return "*";
        if (!numericPorts && Service(port, protocol) is { } name) return name;
        return port.ToString();
    }

    /// <summary>lsof's NAME for an inet socket: "a->b (ESTABLISHED)" for TCP; UDP has no state but
    /// keeps lsof's trailing space.</summary>
    public string SocketName(InetSocket s)
    {
        string local = Endpoint(s.LocalAddress, s.LocalPort, s.Protocol);
        string text = s.HasPeer ? local + "->" + Endpoint(s.RemoteAddress, s.RemotePort, s.Protocol) : local;
        return s.Protocol == InetProtocol.Tcp ? $"{text} ({s.StateName})" : text + " ";
    }
}
