using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Differential;

/// <summary>A real HTTP server on loopback for the curl workloads, started once for the test class
/// and stopped after it.  It answers the same bytes every time, so strace's and syscope's runs of
/// curl read identical data.</summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly TestProcess? _server;
    private readonly string? _error;

    /// <summary>"http://127.0.0.1:PORT"; a test that uses it fails with the server's output if it
    /// did not start (python3 is one of the corpus's requirements).</summary>
    public string Url => _error == null ? _url! : throw new InvalidOperationException(_error);
    private readonly string? _url;

    public LocalHttpServer()
    {
        if (Machine.Find("python3") == null) { _error = "needs python3"; return; }
        string script = Path.Combine(AppContext.BaseDirectory, "Differential", "Servers", "httpserver.py");
        _server = Runner.Start("python3", [script]);
        // The server prints its port once it listens, so the first line is also the readiness signal.
        try
        {
            string? line = _server.StandardOutput.ReadLine(20_000);
            if (int.TryParse(line, out int port)) _url = $"http://127.0.0.1:{port}";
            else _error = "the loopback HTTP server did not start:\n" + _server.Printed();
        }
        catch (TimeoutException e) { _error = "the loopback HTTP server did not start: " + e.Message; }
    }

    public void Dispose() => _server?.Dispose();
}
