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
