using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace TrustSim.Tests;

/// <summary>
/// A real headless Chromium (Debian's /usr/bin/chromium) driven over the DevTools protocol, for tests that open
/// the pages the tool writes as a reader's browser would: what the console reports, what the page lays out,
/// and a screenshot. No package beyond .NET's own WebSocket client; every wait is bounded. The browser runs
/// with its own empty profile, with background networking off (this machine has no network to offer it),
/// and is stopped by its process id when disposed.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    public const string Executable = "/usr/bin/chromium";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode>> _pending = new();
    private readonly ConcurrentQueue<JsonNode> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;
    private int _nextId;

    private HeadlessChromium(Process process, string profile, Uri page)
    {
        _process = process;
        _profile = profile;
        using var connect = new CancellationTokenSource(Timeout);
        _socket.ConnectAsync(page, connect.Token).GetAwaiter().GetResult();
        _receiving = Task.Run(Receive);
    }

    /// <summary>True when the browser is installed here.</summary>
    public static bool Available => File.Exists(Executable);

    /// <summary>Starts the browser and attaches to its first tab, with the console, log and network domains on.</summary>
    public static HeadlessChromium Start()
    {
        string profile = TempFolder.Create();
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
                     $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank",
                 })
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Executable} did not start");
        // Drain its output so a chatty browser never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var browser = new HeadlessChromium(process, profile, PageSocket(process, profile));
            foreach (string domain in new[] { "Page", "Runtime", "Log", "Network" }) browser.Send($"{domain}.enable", null);
            return browser;
        }
        catch
        {
            Stop(process, profile);
            throw;
        }
    }

    /// <summary>
    /// Opens <paramref name="file"/> in a viewport of <paramref name="width"/> x <paramref name="height"/> CSS pixels and
    /// waits for its load event (all images decoded or failed). Returns the console errors, uncaught exceptions and
    /// error-level log entries (a refused fetch, a content-security-policy violation) that loading it produced, and
    /// every URL it requested.
    /// </summary>
    public PageLoad Open(string file, int width, int height)
    {
        while (_events.TryDequeue(out _))
        {
        }
        Send("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        string url = new Uri(Path.GetFullPath(file)).AbsoluteUri;
        var navigated = Send("Page.navigate", new JsonObject { ["url"] = url });
        if (navigated["errorText"] is { } error) throw new InvalidOperationException($"{url}: {error}");
        WaitFor("Page.loadEventFired");
        var problems = new List<string>();
        var requests = new List<string>();
        foreach (var e in _events)
        {
            string method = e["method"]!.GetValue<string>();
            var p = e["params"]!;
            switch (method)
            {
                case "Runtime.consoleAPICalled" when p["type"]!.GetValue<string>() is "error" or "assert" or "warning":
                    problems.Add($"console.{p["type"]}: {p["args"]?.ToJsonString()}");
                    break;
                case "Runtime.exceptionThrown":
                    problems.Add($"exception: {p["exceptionDetails"]?.ToJsonString()}");
                    break;
                case "Log.entryAdded" when p["entry"]!["level"]!.GetValue<string>() is "error" or "warning":
                    problems.Add($"log {p["entry"]!["level"]}: {p["entry"]!["text"]} ({p["entry"]!["url"]})");
                    break;
                case "Network.requestWillBeSent":
                    requests.Add(p["request"]!["url"]!.GetValue<string>());
                    break;
            }
        }
        return new PageLoad(url, problems, requests);
    }

    /// <summary>The value of a JavaScript expression in the page (a promise is awaited), as JSON.</summary>
    public JsonNode? Evaluate(string expression)
    {
        var result = Send("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result["exceptionDetails"] is { } exception) throw new InvalidOperationException($"the page's script failed: {exception.ToJsonString()}");
        return result["result"]?["value"];
    }

    /// <summary>A PNG of the viewport.</summary>
    public byte[] Screenshot() => Capture(new JsonObject { ["format"] = "png" });

    /// <summary>The whole page, top to bottom, as PNGs of at most <paramref name="sliceHeight"/> CSS pixels each (a long page in one image is too tall to look at).</summary>
    public IReadOnlyList<byte[]> PageSlices(int sliceHeight)
    {
        var size = Send("Page.getLayoutMetrics", null)["cssContentSize"]!;
        double width = size["width"]!.GetValue<double>(), height = size["height"]!.GetValue<double>();
        var slices = new List<byte[]>();
        for (double top = 0; top < height; top += sliceHeight)
        {
            slices.Add(Capture(new JsonObject
            {
                ["format"] = "png",
                ["captureBeyondViewport"] = true,
                ["clip"] = new JsonObject { ["x"] = 0, ["y"] = top, ["width"] = width, ["height"] = Math.Min(sliceHeight, height - top), ["scale"] = 1 },
            }));
        }
        return slices;
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var close = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", close.Token).GetAwaiter().GetResult();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // The browser is stopped next either way.
        }
        _socket.Dispose();
        Stop(_process, _profile);
        _stop.Dispose();
    }

    /// <summary>What opening a page produced.</summary>
    /// <param name="Url">The page's file: URL.</param>
    /// <param name="Problems">Console errors and warnings, uncaught exceptions and error-level log entries, in order.</param>
    /// <param name="Requests">Every URL the page asked for, itself included.</param>
    public sealed record PageLoad(string Url, IReadOnlyList<string> Problems, IReadOnlyList<string> Requests);

    private byte[] Capture(JsonObject parameters) => Convert.FromBase64String(Send("Page.captureScreenshot", parameters)["data"]!.GetValue<string>());

    private JsonNode Send(string method, JsonObject? parameters)
    {
        int id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        using (var sending = new CancellationTokenSource(Timeout))
        {
            _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, sending.Token).GetAwaiter().GetResult();
        }
        if (!reply.Task.Wait(Timeout)) throw new TimeoutException($"{method}: no answer from the browser within {Timeout.TotalSeconds} s");
        var answer = reply.Task.Result;
        if (answer["error"] is { } error) throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
        return answer["result"] ?? new JsonObject();
    }

    private void WaitFor(string method)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Timeout)
        {
            if (_events.Any(e => e["method"]?.GetValue<string>() == method)) return;
            if (_receiving.IsCompleted) throw new InvalidOperationException($"the browser closed the connection while waiting for {method}");
            Thread.Sleep(20);
        }
        throw new TimeoutException($"no {method} within {Timeout.TotalSeconds} s");
    }

    private async Task Receive()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult part;
            try
            {
                part = await _socket.ReceiveAsync(buffer, _stop.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                break;
            }
            if (part.MessageType == WebSocketMessageType.Close) break;
            message.Write(buffer, 0, part.Count);
            if (!part.EndOfMessage) continue;
            var node = JsonNode.Parse(message.ToArray())!;
            message.SetLength(0);
            if (node["id"] is { } id && _pending.TryRemove(id.GetValue<int>(), out var reply)) reply.TrySetResult(node);
            else if (node["method"] is not null) _events.Enqueue(node);
        }
        foreach (var reply in _pending.Values) reply.TrySetException(new InvalidOperationException("the browser closed the connection"));
    }

    /// <summary>The DevTools WebSocket of the browser's first tab, once the browser has written its port.</summary>
    private static Uri PageSocket(Process process, string profile)
    {
        string portFile = Path.Combine(profile, "DevToolsActivePort");
        var deadline = Stopwatch.StartNew();
        int port = 0;
        while (port == 0)
        {
            if (process.HasExited) throw new InvalidOperationException($"{Executable} exited with code {process.ExitCode} before it opened its DevTools port");
            if (deadline.Elapsed > Timeout) throw new TimeoutException($"{Executable} wrote no DevToolsActivePort within {Timeout.TotalSeconds} s");
            if (File.Exists(portFile) && File.ReadAllLines(portFile) is [var first, ..] && int.TryParse(first, CultureInfo.InvariantCulture, out int p)) port = p;
            else Thread.Sleep(50);
        }
        using var http = new HttpClient { Timeout = Timeout };
        while (true)
        {
            string list = http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list")).GetAwaiter().GetResult();
            var page = JsonNode.Parse(list)!.AsArray().FirstOrDefault(t => t?["type"]?.GetValue<string>() == "page");
            if (page?["webSocketDebuggerUrl"]?.GetValue<string>() is { } socket) return new Uri(socket);
            if (deadline.Elapsed > Timeout) throw new TimeoutException($"{Executable} opened no tab within {Timeout.TotalSeconds} s");
            Thread.Sleep(50);
        }
    }

    private static void Stop(Process process, string profile)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It had already gone.
        }
        process.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // A profile left in the temp folder is harmless.
        }
    }
}
