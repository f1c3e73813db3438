/* Socket ioctls (<linux/sockios.h>): an interface's ifreq read back from the loopback device on a
 * real socket, the list SIOCGIFCONF gives, and the requests that set values on descriptor -1
 * (EBADF), each ifreq field once. Deterministic: no readable memory prints as an address. */
#include <arpa/inet.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    struct ifreq ifr;
    memset(&ifr, 0, sizeof(ifr));
    strcpy(ifr.ifr_name, "lo");
    unsigned int gets[] = { SIOCGIFFLAGS, SIOCGIFADDR, SIOCGIFNETMASK, SIOCGIFMTU, SIOCGIFHWADDR, SIOCGIFINDEX,
                            SIOCGIFMETRIC, SIOCGIFTXQLEN, SIOCGIFMAP };
    for (size_t i = 0; i < sizeof(gets) / sizeof(gets[0]); i++) ioctl(s, gets[i], &ifr);
    ifr.ifr_ifindex = 1;
    ioctl(s, SIOCGIFNAME, &ifr);
    ioctl(-1, SIOCGIFNAME, &ifr);
    struct ifreq list[4];
    struct ifconf ifc = { 0, { NULL } };
    ioctl(s, SIOCGIFCONF, &ifc);
    ifc.ifc_len = sizeof(list);
    ifc.ifc_req = list;
    ioctl(s, SIOCGIFCONF, &ifc);
    int n = 0;
    ioctl(s, FIOGETOWN, &n);
    ioctl(s, SIOCATMARK, &n);
    n = 4242;
    ioctl(-1, FIOSETOWN, &n);

    memset(&ifr, 0, sizeof(ifr));
    memcpy(ifr.ifr_name, "0123456789abcdef", 16);
    struct sockaddr_in *sin = (struct sockaddr_in *)&ifr.ifr_addr;
    sin->sin_family = AF_INET;
    sin->sin_port = htons(8080);
    sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ioctl(-1, SIOCSIFADDR, &ifr);
    ioctl(-1, SIOCSIFNETMASK, &ifr);
    strcpy(ifr.ifr_name, "eth0");
    ifr.ifr_hwaddr.sa_family = ARPHRD_ETHER;
    memcpy(ifr.ifr_hwaddr.sa_data, "\x02\x00\x5e\x10\x20\x30", 6);
    ioctl(-1, SIOCSIFHWADDR, &ifr);
    ioctl(-1, SIOCADDMULTI, &ifr);
    ifr.ifr_flags = IFF_UP | IFF_RUNNING | IFF_PROMISC;
    ioctl(-1, SIOCSIFFLAGS, &ifr);
    ifr.ifr_mtu = 9000;
    ioctl(-1, SIOCSIFMTU, &ifr);
    strcpy(ifr.ifr_newname, "wan0");
    ioctl(-1, SIOCSIFNAME, &ifr);
    ifr.ifr_map = (struct ifmap){ 0xd0000, 0xdffff, 0x300, 10, 3, 1 };
    ioctl(-1, SIOCSIFMAP, &ifr);
    ioctl(-1, SIOCBRADDBR, "br0");
    ioctl(-1, SIOCBRDELBR, "a-bridge-name-too-long");
    ifr.ifr_ifindex = 1;
    ioctl(-1, SIOCBRADDIF, &ifr);
    ioctl(-1, SIOCETHTOOL, &ifr);
    close(s);
    return 0;
}
