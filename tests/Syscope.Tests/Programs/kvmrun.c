/* A virtual machine with one vcpu running four instructions: an I/O port write (a KVM_EXIT_IO
 * exit) and hlt (KVM_EXIT_HLT), as a VMM sets it up.  For -e kvm=vcpu and the KVM ioctls.
 * Exits 77 when /dev/kvm cannot be used here, 1 when the guest did not run as expected. */
#include <fcntl.h>
#include <linux/kvm.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

/* mov $0x3f8, %dx; mov $'!', %al; out %al, (%dx); hlt (16-bit real mode) */
static const uint8_t guest[] = { 0xba, 0xf8, 0x03, 0xb0, '!', 0xee, 0xf4 };

int main(void)
{
    int kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
    if (kvm < 0 || ioctl(kvm, KVM_GET_API_VERSION, 0) != KVM_API_VERSION) return 77;
    ioctl(kvm, KVM_CHECK_EXTENSION, KVM_CAP_USER_MEMORY);
    int vm = ioctl(kvm, KVM_CREATE_VM, 0);
    if (vm < 0) return 77;
    size_t page = 4096;
    uint8_t *mem = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    memcpy(mem, guest, sizeof guest);
    struct kvm_userspace_memory_region region = { .slot = 0, .guest_phys_addr = page, .memory_size = page,
                                                   .userspace_addr = (uintptr_t)mem };
    if (ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region) < 0) return 77;
    int vcpu = ioctl(vm, KVM_CREATE_VCPU, 0);
    int size = ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0);
    if (vcpu < 0 || size <= 0) return 77;
    struct kvm_run *run = mmap(NULL, (size_t)size, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu, 0);
    if (run == MAP_FAILED) return 77;
    static struct { struct kvm_cpuid2 head; struct kvm_cpuid_entry2 entries[100]; } cpuid;
    ioctl(kvm, KVM_GET_SUPPORTED_CPUID, &cpuid);  /* nent 0: E2BIG */
    cpuid.head.nent = 100;
    if (ioctl(kvm, KVM_GET_SUPPORTED_CPUID, &cpuid) < 0 || ioctl(vcpu, KVM_SET_CPUID2, &cpuid) < 0) return 77;
    ioctl(vcpu, KVM_SET_CPUID2, NULL);
    struct kvm_sregs sregs;
    ioctl(vcpu, KVM_GET_SREGS, &sregs);
    sregs.cs.base = 0;
    sregs.cs.selector = 0;
    ioctl(vcpu, KVM_SET_SREGS, &sregs);
    struct kvm_regs regs = { .rip = page, .rflags = 0x2 };
    ioctl(vcpu, KVM_SET_REGS, &regs);
    ioctl(vcpu, KVM_GET_REGS, &regs);
    int wrote = 0;
    for (;;) {
        if (ioctl(vcpu, KVM_RUN, 0) < 0) return 1;
        if (run->exit_reason == KVM_EXIT_HLT) return wrote ? 0 : 1;
        if (run->exit_reason != KVM_EXIT_IO || run->io.port != 0x3f8 || ((char *)run)[run->io.data_offset] != '!') return 1;
        wrote = 1;
    }
}
