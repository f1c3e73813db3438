# A loopback HTTP server for the differential corpus.  Both tracers fetch from the same server in
# one test run, so every byte of its answer must be the same each time: no Date, no version.
import http.server

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def date_time_string(self, timestamp=None):
        return "Thu, 01 Jan 2026 00:00:00 GMT"

    def version_string(self):
        return "syscope-test"

    def log_message(self, *args):
        pass

    def do_GET(self):
        body = b"hello from the test server\n" * 40
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
