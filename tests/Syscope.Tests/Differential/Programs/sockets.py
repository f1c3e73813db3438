import os, socket, threading, tempfile, json
d = "/tmp/syscope-diff/cwd/work"; os.mkdir(d)
p = os.path.join(d, "f.txt")
with open(p, "w") as f: f.write("hello\n" * 10)
with open(p) as f: data = f.read()
os.rename(p, p + ".2"); os.unlink(p + ".2"); os.rmdir(d)
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0)); srv.listen(1)
def serve():
    c, _ = srv.accept(); c.sendall(c.recv(100).upper()); c.close()
t = threading.Thread(target=serve); t.start()
cl = socket.create_connection(srv.getsockname()); cl.sendall(b"ping"); print(cl.recv(100)); cl.close(); t.join()
u = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); u.close()
print(json.dumps({"a": 1}))
