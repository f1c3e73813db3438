/* Sends one message to each of several netlink families (the kernel answers or refuses; the
 * tracer only reads what was sent), and a route message cut short by an unmapped page, so a
 * tracer's output can be checked line by line against strace's. */
#include <arpa/inet.h>
#include <linux/audit.h>
#include <linux/genetlink.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netlink.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <linux/selinux_netlink.h>
#include <linux/xfrm.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

static int open_bound(int protocol)
{
	int fd = socket(AF_NETLINK, SOCK_RAW, protocol);
	struct sockaddr_nl addr = { .nl_family = AF_NETLINK };
	bind(fd, (struct sockaddr *) &addr, sizeof(addr));
	return fd;
}

static void send_header(int fd, unsigned short type, unsigned short flags, const void *body, unsigned len)
{
	char buf[128] = { 0 };
	struct nlmsghdr *h = (struct nlmsghdr *) buf;
	h->nlmsg_len = NLMSG_HDRLEN + len;
	h->nlmsg_type = type;
	h->nlmsg_flags = flags;
	h->nlmsg_seq = 7;
	memcpy(buf + NLMSG_HDRLEN, body, len);
	sendto(fd, buf, h->nlmsg_len, MSG_DONTWAIT, NULL, 0);
	close(fd);
}

int main(void)
{
	send_header(open_bound(NETLINK_AUDIT), AUDIT_GET, NLM_F_REQUEST, "", 0);
	send_header(open_bound(NETLINK_XFRM), XFRM_MSG_GETSA, NLM_F_REQUEST | NLM_F_DUMP, "", 0);
	send_header(open_bound(NETLINK_XFRM), XFRM_MSG_ALLOCSPI, NLM_F_ECHO | NLM_F_REPLACE, "", 0);
	struct nfgenmsg nf = { .nfgen_family = AF_INET, .version = NFNETLINK_V0, .res_id = htons(NFNL_SUBSYS_NFTABLES) };
	send_header(open_bound(NETLINK_NETFILTER), NFNL_SUBSYS_NFTABLES << 8 | 1, NLM_F_REQUEST | NLM_F_DUMP, &nf, sizeof(nf));
	int enforce = 1;
	send_header(open_bound(NETLINK_SELINUX), SELNL_MSG_SETENFORCE, NLM_F_REQUEST, &enforce, sizeof(enforce));
	struct genlmsghdr g = { .cmd = CTRL_CMD_GETFAMILY };
	send_header(open_bound(NETLINK_GENERIC), GENL_ID_CTRL, NLM_F_REQUEST | NLM_F_DUMP, &g, sizeof(g));

	/* A traffic control dump of lo's qdiscs, with a kind attribute. */
	struct { struct tcmsg tc; struct nlattr kind; char name[8]; } qdisc = {
		.tc = { .tcm_family = AF_UNSPEC, .tcm_ifindex = 1 },
		.kind = { .nla_len = NLA_HDRLEN + 6, .nla_type = TCA_KIND },
		.name = "pfifo",
	};
	send_header(open_bound(NETLINK_ROUTE), RTM_GETQDISC, NLM_F_REQUEST | NLM_F_DUMP, &qdisc, sizeof(qdisc));

	/* Two route messages whose second header lies on an unmapped page. */
	long page = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(p + page, page);
	struct nlmsghdr *h = (struct nlmsghdr *) (p + page - 20);
	h->nlmsg_len = 20;
	h->nlmsg_type = RTM_GETLINK;
	h->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	h->nlmsg_seq = 8;
	h->nlmsg_pid = 0;
	memset(p + page - 4, 0, 4);
	int route = open_bound(NETLINK_ROUTE);
	sendto(route, h, 40, MSG_DONTWAIT, NULL, 0);
	return 0;
}
