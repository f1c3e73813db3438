# Netlink traffic whose answers do not change between two runs on one machine: glibc's
# getaddrinfo(AI_ADDRCONFIG) address dump, the IPv4 routes, loopback's link, a rejected
# request, sock_diag lookups of sockets that do not exist, and an unknown family.
import socket, struct

def nlmsg(mtype, flags, seq, body):
    return struct.pack('=IHHII', 16 + len(body), mtype, flags, seq, 0) + body

def dump(s):
    while struct.unpack('=H', s.recv(65536)[4:6])[0] not in (2, 3):
        pass

socket.getaddrinfo('127.0.0.1', 80, flags=socket.AI_ADDRCONFIG)

route = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, socket.NETLINK_ROUTE)
route.bind((0, 0))
route.send(nlmsg(22, 0x301, 1, struct.pack('=BBBBI', 0, 0, 0, 0, 0)))
dump(route)
route.send(nlmsg(26, 0x301, 2, struct.pack('=BBBBBBBBI', socket.AF_INET, 0, 0, 0, 0, 0, 0, 0, 0)))
dump(route)
route.sendmsg([nlmsg(18, 0x1, 3, struct.pack("=BBHiII", 0, 0, 0, 1, 0, 0))])
route.recvmsg(65536)
route.send(nlmsg(22, 0x5, 4, struct.pack('=BBBBI', socket.AF_INET, 0, 0, 0, 0)))
route.recv(65536)

diag = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 4)
diag.bind((0, 0))
sockid = struct.pack('>HH', 1, 1) + bytes(32) + struct.pack('=III', 0, 0xffffffff, 0xffffffff)
diag.send(nlmsg(20, 0x1, 5, struct.pack('=BBBBI', socket.AF_INET, socket.IPPROTO_TCP, 0, 0, 1 << 10) + sockid))
diag.recv(65536)
diag.send(nlmsg(20, 0x1, 6, struct.pack('=BBHIIIII', socket.AF_UNIX, 0, 0, 0xfff, 1, 0x1f, 0xffffffff, 0xffffffff)))
diag.recv(65536)

user = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 2)
user.bind((0, 0))
try:
    user.send(nlmsg(0x10, 0x1, 7, b'abcdefgh'))
except OSError:
    pass
