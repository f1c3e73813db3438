/* socket() protocols that depend on the family: AF_PACKET's (in network order), AF_BLUETOOTH's
   (the family is missing here, so the calls fail, but they print all the same), AF_UNIX's plain
   number. */
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <unistd.h>

int main(void)
{
    int protocols[] = { ETH_P_ALL, ETH_P_IP, 0, 0x1234, ETH_P_ARP, ETH_P_IPV6, ETH_P_8021Q, ETH_P_MCTP };
    for (unsigned i = 0; i < sizeof protocols / sizeof protocols[0]; i++) {
        int fd = socket(AF_PACKET, i % 2 ? SOCK_DGRAM : SOCK_RAW, htons(protocols[i]));
        if (fd >= 0) close(fd);
    }
    for (int i = 0; i < 10; i++) socket(AF_BLUETOOTH, SOCK_RAW, i);
    socket(AF_UNIX, SOCK_STREAM, 5);
    return 0;
}
