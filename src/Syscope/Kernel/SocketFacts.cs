namespace Syscope.Kernel;

/// <summary>A character or block device's numbers; Kind 0 means "not a device".</summary>
internal readonly record struct DeviceNumber(byte Kind, uint Major, uint Minor)
{
    public const byte Char = (byte)'c', Block = (byte)'b';
}

/// <summary>What sock_diag reports about one socket.  Addresses are in network order, 4 bytes
/// used for AF_INET; ports in host order.</summary>
internal struct SocketFacts
{
    public int Family;
    public Address16 Source, Destination;
    public ushort SourcePort, DestinationPort;
    /// <summary>AF_UNIX: the peer's inode (0: none), and the length of the name written out.</summary>
    public uint UnixPeer;
    public int NameLength;
    /// <summary>AF_NETLINK: the protocol (NETLINK_ROUTE...) and port id.</summary>
    public int NetlinkProtocol;
    public uint PortId;
}

[System.Runtime.CompilerServices.InlineArray(16)]
internal struct Address16
{
    private byte _first;
}
