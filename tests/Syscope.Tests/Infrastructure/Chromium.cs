using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Syscope.Tests.Infrastructure;

/// <summary>
/// Debian's chromium, headless, driven over its DevTools protocol (a WebSocket, no library): one
/// page, every console message, exception and network request it produced recorded, and
/// JavaScript evaluated in it.  Started with its own profile folder, killed and cleaned up on
/// Dispose.
/// </summary>
public sealed class Chromium : IDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<int, TaskCompletionSource<JsonNode>> _pending = [];
    private readonly Task _reader;
    private int _nextId;

    public List<string> ConsoleErrors { get; } = [];
    public List<string> Requests { get; } = [];

    public Chromium()
    {
        _profile = Directory.CreateTempSubdirectory("syscope-chromium-").FullName;
        // Found on PATH (the tests that use it need "chromium"); this file is also compiled into
        // bench/Syscope.Bench, which loads a large report in it.
        var start = new ProcessStartInfo("chromium")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        // Its scratch files go into its profile, deleted with it.
        start.Environment["TMPDIR"] = _profile;
        // Root needs --no-sandbox; the rest keeps a test machine's chromium from calling home.
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-default-apps", "--remote-debugging-port=0",
                     $"--user-data-dir={_profile}", "about:blank" })
            start.ArgumentList.Add(a);
        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        string portFile = Path.Combine(_profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length < 2)
        {
            if (DateTime.UtcNow > deadline || _process.HasExited) throw new InvalidOperationException("chromium did not start its DevTools endpoint");
            Thread.Sleep(100);
        }
        int port = int.Parse(File.ReadAllLines(portFile)[0]);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var pages = JsonNode.Parse(http.GetStringAsync($"http://127.0.0.1:{port}/json/list").Result)!.AsArray();
        string url = pages.First(p => (string)p!["type"]! == "page")!["webSocketDebuggerUrl"]!.GetValue<string>();
        _socket.ConnectAsync(new Uri(url), _stop.Token).Wait(TimeSpan.FromSeconds(30));
        _reader = Task.Run(Read);
        foreach (var domain in new[] { "Runtime", "Log", "Network", "Page" }) Send($"{domain}.enable");
    }

    /// <summary>Opens url and waits for the page's load event.</summary>
    public void Open(string url)
    {
        var loaded = new TaskCompletionSource();
        _loaded = loaded;
        Send("Page.navigate", new JsonObject { ["url"] = url });
        if (!loaded.Task.Wait(TimeSpan.FromSeconds(60))) throw new TimeoutException("the page did not load");
    }

    private TaskCompletionSource? _loaded;

    /// <summary>The value of a JavaScript expression (awaited if it is a promise), as JSON.</summary>
    public JsonNode? Evaluate(string expression)
    {
        var result = Send("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result["exceptionDetails"] is { } ex) throw new InvalidOperationException("the page threw: " + ex.ToJsonString());
        return result["result"]?["value"];
    }

    /// <summary>Waits until the expression is true in the page.</summary>
    public void WaitFor(string expression, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (Evaluate(expression)?.GetValue<bool>() != true)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"never true in the page: {expression}");
            Thread.Sleep(100);
        }
    }

    private JsonNode Send(string method, JsonObject? parameters = null)
    {
        var done = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        int id;
        lock (_pending)
        {
            id = ++_nextId;
            _pending[id] = done;
        }
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, _stop.Token).Wait();
        if (!done.Task.Wait(TimeSpan.FromSeconds(60))) throw new TimeoutException($"chromium did not answer {method}");
        return done.Task.Result;
    }

    private async Task Read()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var r = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (r.MessageType == WebSocketMessageType.Close) return;
                message.Write(buffer, 0, r.Count);
                if (!r.EndOfMessage) continue;
                var node = JsonNode.Parse(message.ToArray())!;
                message.SetLength(0);
                Handle(node);
            }
        }
        catch (OperationCanceledException) { }
        catch (WebSocketException) { }
    }

    private void Handle(JsonNode node)
    {
        if (node["id"] is { } id)
        {
            TaskCompletionSource<JsonNode>? done;
            lock (_pending) _pending.Remove(id.GetValue<int>(), out done);
            if (node["error"] is { } error) done?.SetException(new InvalidOperationException(error.ToJsonString()));
            else done?.SetResult(node["result"] ?? new JsonObject());
            return;
        }
        var p = node["params"];
        switch ((string?)node["method"])
        {
            case "Page.loadEventFired": _loaded?.TrySetResult(); break;
            case "Network.requestWillBeSent": lock (Requests) Requests.Add((string)p!["request"]!["url"]!); break;
            case "Runtime.exceptionThrown": lock (ConsoleErrors) ConsoleErrors.Add("exception: " + p!["exceptionDetails"]!.ToJsonString()); break;
            case "Runtime.consoleAPICalled" when (string?)p!["type"] is "error" or "assert":
                lock (ConsoleErrors) ConsoleErrors.Add("console: " + p["args"]!.ToJsonString());
                break;
            case "Log.entryAdded" when (string?)p!["entry"]!["level"] == "error":
                lock (ConsoleErrors) ConsoleErrors.Add("log: " + p["entry"]!.ToJsonString());
                break;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try { _process.Kill(entireProcessTree: true); _process.WaitForExit(10_000); } catch (InvalidOperationException) { }
        _process.Dispose();
        _socket.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { }
    }
}
