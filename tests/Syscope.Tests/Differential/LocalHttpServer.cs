using System.Diagnostics;

namespace Syscope.Tests.Differential;

/// <summary>A real HTTP server on loopback for the curl workloads, started once for the test class
/// and stopped after it.  It answers the same bytes every time, so strace's and syscope's runs of
/// curl read identical data.</summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly Process? _server;

    /// <summary>"http://127.0.0.1:PORT", or null when python3 is missing (the curl runs then skip).</summary>
    public string? Url { get; }

    public LocalHttpServer()
    {
        string script = Path.Combine(AppContext.BaseDirectory, "Differential", "Servers", "httpserver.py");
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        try { _server = Process.Start(psi); }
        catch (System.ComponentModel.Win32Exception) { return; }
        // The server prints its port once it listens, so the first line is also the readiness signal.
        var port = _server!.StandardOutput.ReadLineAsync();
        if (port.Wait(TimeSpan.FromSeconds(20)) && int.TryParse(port.Result, out int p)) Url = $"http://127.0.0.1:{p}";
    }

    public void Dispose()
    {
        if (_server == null) return;
        try { _server.Kill(true); _server.WaitForExit(5000); } catch (InvalidOperationException) { }
        _server.Dispose();
    }
}
