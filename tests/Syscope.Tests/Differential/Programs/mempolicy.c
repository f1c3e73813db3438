/* NUMA memory policy calls with every mode, mode flag and flag, node masks of several sizes,
   a mask cut short by an unmapped page, and failures that leave outputs unwritten. */
#define _GNU_SOURCE
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/mman.h>
#include <linux/mempolicy.h>

int main(void)
{
    static unsigned long big[80] = {1};
    unsigned long mask[4] = {1, 0, 0, 0};
    int mode = -1;
    syscall(SYS_get_mempolicy, &mode, mask, 129, 0, 0);
    syscall(SYS_get_mempolicy, &mode, NULL, 0, 0, MPOL_F_MEMS_ALLOWED);
    syscall(SYS_get_mempolicy, &mode, mask, 65, (void *)mask, MPOL_F_ADDR | MPOL_F_NODE);
    syscall(SYS_get_mempolicy, NULL, NULL, 0, 0, 0x80);
    syscall(SYS_get_mempolicy, (int *)8, big, 129, 0, 0);
    mask[1] = 0x10;
    syscall(SYS_set_mempolicy, MPOL_BIND | MPOL_F_STATIC_NODES, mask, 130);
    syscall(SYS_set_mempolicy, MPOL_INTERLEAVE | MPOL_F_RELATIVE_NODES, mask, 2);
    syscall(SYS_set_mempolicy, MPOL_PREFERRED_MANY | MPOL_F_NUMA_BALANCING, mask, 65);
    syscall(SYS_set_mempolicy, 9, mask, 1);
    syscall(SYS_set_mempolicy, MPOL_PREFERRED, (void *)8, 64);
    syscall(SYS_set_mempolicy, MPOL_BIND, big, 40 * 64 + 1);
    syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0);

    char *p = mmap(0, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(p + 2 * 4096, 4096);
    p[0] = 1;
    unsigned long *edge = (unsigned long *)(p + 2 * 4096 - 8);
    *edge = 3;
    syscall(SYS_set_mempolicy, MPOL_BIND, edge, 129);
    syscall(SYS_mbind, p, 4096, MPOL_BIND, mask, 65, MPOL_MF_STRICT | MPOL_MF_MOVE);
    syscall(SYS_mbind, p, 4096, MPOL_DEFAULT, NULL, 0, 0);
    syscall(SYS_mbind, p, 4096, MPOL_LOCAL, NULL, 0, 0x40);
    unsigned long from[1] = {1}, to[1] = {1};
    syscall(SYS_migrate_pages, 0, 64, from, to);
    void *pages[40];
    int nodes[2] = {0, 0}, status[40];
    for (int i = 0; i < 40; i++) pages[i] = p;
    pages[1] = p + 4096;
    syscall(SYS_move_pages, 0, 2, pages, NULL, status, 0);
    syscall(SYS_move_pages, 0, 2, pages, nodes, status, MPOL_MF_MOVE);
    syscall(SYS_move_pages, 0, 40, pages, NULL, status, 0);
    syscall(SYS_move_pages, 0, 2, pages, NULL, (int *)8, 0);
    return 0;
}
