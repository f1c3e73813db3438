using System.Text;

namespace Syscope.Kernel;

/// <summary>Linux errno names and messages; the numbers are Linux's own, never .NET's mapping.</summary>
internal static partial class Errno
{
    public const int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ECHILD = 10, EAGAIN = 11;
    public const int ENOMEM = 12, EACCES = 13, EFAULT = 14, EBUSY = 16, EEXIST = 17, EINVAL = 22, ENOSPC = 28, EPIPE = 32;
    public const int ENAMETOOLONG = 36, ENOSYS = 38, ERESTARTSYS = 512, ERESTARTNOINTR = 513, ERESTARTNOHAND = 514;
    public const int ERESTART_RESTARTBLOCK = 516;

    private static readonly string?[] s_names = new string?[MaxNumber + 1];
    private static readonly string?[] s_messages = new string?[MaxNumber + 1];
    private static readonly byte[]?[] s_nameBytes = new byte[]?[MaxNumber + 1];
    private static readonly byte[]?[] s_messageBytes = new byte[]?[MaxNumber + 1];

    static Errno()
    {
        foreach (var (n, name, message) in Entries())
        {
            s_names[n] = name;
            s_messages[n] = message;
            s_nameBytes[n] = Encoding.ASCII.GetBytes(name);
            s_messageBytes[n] = Encoding.UTF8.GetBytes(message);
        }
    }

    public static bool IsKnown(int n) => n > 0 && n <= MaxNumber && s_names[n] != null;

    public static string Name(int n) => IsKnown(n) ? s_names[n]! : n.ToString();

    public static string Message(int n) => IsKnown(n) ? s_messages[n]! : $"Unknown error {n}";

    public static ReadOnlySpan<byte> NameUtf8(int n) => IsKnown(n) ? s_nameBytes[n] : default;

    public static ReadOnlySpan<byte> MessageUtf8(int n) => IsKnown(n) ? s_messageBytes[n] : default;

    public static int Parse(string name)
    {
        for (int i = 1; i <= MaxNumber; i++)
            if (s_names[i] == name) return i;
        return -1;
    }
}
