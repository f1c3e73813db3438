import os, socket, threading, tempfile, json
# getaddrinfo imports the idna codec on first use; imported here, before the server thread
# starts, its files get the same descriptors in every run.
import encodings.idna
d = "work"; os.mkdir(d)  # in the fresh working directory the harness gives each run
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
