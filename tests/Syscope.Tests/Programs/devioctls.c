/* ioctl requests of device families (PTP clocks, loop, block and network block devices, userfaultfd, UBI) on descriptor -1:
 * the kernel answers EBADF, or the tracer injects a return and the exit half reads what the
 * program left. Every field is set, so each argument prints as the tracer decodes it.
 * Deterministic: no addresses are printed where memory is readable. */
#include <linux/blkpg.h>
#include <linux/blktrace_api.h>
#include <linux/fs.h>
#include <linux/loop.h>
#include <linux/nbd.h>
#include <linux/ptp_clock.h>
#include <linux/userfaultfd.h>
#include <mtd/ubi-user.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>

static void ptp(void)
{
    struct ptp_clock_caps caps;
    memset(&caps, 0, sizeof caps);
    caps.max_adj = 1000000;
    caps.n_pins = 4;
    caps.rsv[3] = 0xfeed;
    ioctl(-1, PTP_CLOCK_GETCAPS, &caps);
    ioctl(-1, PTP_CLOCK_GETCAPS2, NULL);
    struct ptp_extts_request extts = { .index = 2, .flags = PTP_ENABLE_FEATURE | PTP_RISING_EDGE | 0x100, .rsv = { 0, 7 } };
    ioctl(-1, PTP_EXTTS_REQUEST, &extts);
    ioctl(-1, PTP_EXTTS_REQUEST2, &extts);
    struct ptp_perout_request perout;
    memset(&perout, 0, sizeof perout);
    perout.start.sec = 1700000000;
    perout.start.nsec = 500;
    perout.period.sec = 1;
    perout.period.reserved = 9;
    perout.index = 1;
    perout.flags = PTP_PEROUT_DUTY_CYCLE;
    perout.on.nsec = 250000000;
    ioctl(-1, PTP_PEROUT_REQUEST, &perout);
    perout.flags = PTP_PEROUT_PHASE | PTP_PEROUT_ONE_SHOT;
    ioctl(-1, PTP_PEROUT_REQUEST2, &perout);
    ioctl(-1, PTP_ENABLE_PPS, 1);
    struct ptp_sys_offset off;
    memset(&off, 0, sizeof off);
    off.n_samples = 2;
    for (int i = 0; i < 5; i++) {
        off.ts[i].sec = 1600000000 + i;
        off.ts[i].nsec = i * 1000;
    }
    ioctl(-1, PTP_SYS_OFFSET, &off);
    struct ptp_sys_offset_extended ext;
    memset(&ext, 0, sizeof ext);
    ext.n_samples = 1;
    ext.rsv[1] = 3;
    ext.ts[0][0].sec = 1600000000;
    ext.ts[0][1].sec = -123456780123LL; /* before year 0 */
    ext.ts[0][2].nsec = 2000000000u;
    ioctl(-1, PTP_SYS_OFFSET_EXTENDED2, &ext);
    struct ptp_sys_offset_precise precise;
    memset(&precise, 0, sizeof precise);
    precise.device.sec = 1;
    precise.sys_realtime.sec = 320255973501901LL; /* after year 9999 */
    precise.sys_monoraw.sec = 12345;
    ioctl(-1, PTP_SYS_OFFSET_PRECISE, &precise);
    struct ptp_pin_desc pin;
    memset(&pin, 0, sizeof pin);
    strcpy(pin.name, "SMA1\t");
    pin.index = 1;
    pin.func = PTP_PF_PEROUT;
    pin.chan = 2;
    pin.rsv[4] = 1;
    ioctl(-1, PTP_PIN_GETFUNC2, &pin);
    pin.func = 9;
    ioctl(-1, PTP_PIN_SETFUNC2, &pin);
}

static void loop(void)
{
    ioctl(-1, LOOP_SET_FD, 4);
    ioctl(-1, LOOP_CLR_FD, 0);
    ioctl(-1, LOOP_SET_BLOCK_SIZE, 4096);
    ioctl(-1, LOOP_CTL_ADD, 7);
    ioctl(-1, LOOP_CTL_GET_FREE, 0);
    struct loop_info info;
    memset(&info, 0, sizeof info);
    info.lo_number = 3;
    info.lo_device = 0x10300;
    info.lo_inode = 77;
    info.lo_offset = 512;
    info.lo_flags = LO_FLAGS_AUTOCLEAR | LO_FLAGS_PARTSCAN;
    strcpy(info.lo_name, "/tmp/disk.img");
    ioctl(-1, LOOP_SET_STATUS, &info);
    info.lo_encrypt_type = LO_CRYPT_XOR;
    info.lo_encrypt_key_size = 3;
    memcpy(info.lo_encrypt_key, "k\0y", 3);
    ioctl(-1, LOOP_SET_STATUS, &info);
    ioctl(-1, LOOP_GET_STATUS, &info);
    struct loop_config config;
    memset(&config, 0, sizeof config);
    config.fd = 5;
    config.block_size = 512;
    config.info.lo_offset = 1 << 20;
    config.info.lo_sizelimit = 1 << 30;
    config.info.lo_flags = LO_FLAGS_READ_ONLY | LO_FLAGS_DIRECT_IO | 0x40;
    memset(config.info.lo_file_name, 'f', sizeof config.info.lo_file_name);
    ioctl(-1, LOOP_CONFIGURE, &config);
    config.__reserved[7] = 1;
    ioctl(-1, LOOP_CONFIGURE, &config);
    ioctl(-1, LOOP_GET_STATUS64, &config.info);
}

static void block(void)
{
    uint64_t size = 1 << 30;
    ioctl(-1, BLKGETSIZE64, &size);
    unsigned short rot = 1;
    ioctl(-1, BLKROTATIONAL, &rot);
    int ro = 1;
    ioctl(-1, BLKROSET, &ro);
    ioctl(-1, BLKROGET, &ro);
    long ra = 256;
    ioctl(-1, BLKRAGET, &ra);
    ioctl(-1, BLKRASET, 128);
    uint64_t range[2] = { 4096, 8192 };
    ioctl(-1, BLKDISCARD, range);
    ioctl(-1, BLKFLSBUF, 0);
    struct blkpg_partition part = { .start = 1 << 20, .length = 1 << 24, .pno = 2 };
    strcpy(part.devname, "sda2");
    struct blkpg_ioctl_arg pg = { .op = BLKPG_ADD_PARTITION, .datalen = sizeof part, .data = &part };
    ioctl(-1, BLKPG, &pg);
    pg.op = 9;
    ioctl(-1, BLKPG, &pg);
    struct blk_user_trace_setup buts;
    memset(&buts, 0, sizeof buts);
    strcpy(buts.name, "sda");
    buts.act_mask = 0xffff;
    buts.buf_size = 4096;
    buts.buf_nr = 4;
    buts.end_lba = 1000;
    buts.pid = 1;
    ioctl(-1, BLKTRACESETUP, &buts);
}

static void nbd(void)
{
    ioctl(-1, NBD_SET_SOCK, 2);
    ioctl(-1, NBD_SET_SIZE, 1 << 30);
    ioctl(-1, NBD_DO_IT, 0);
    ioctl(-1, NBD_SET_FLAGS, NBD_FLAG_HAS_FLAGS | NBD_FLAG_SEND_TRIM | 0x10);
}

static void uffd(void)
{
    struct uffdio_api api = { .api = UFFD_API, .features = UFFD_FEATURE_THREAD_ID, .ioctls = 1ull << _UFFDIO_API | 1 << 5 };
    ioctl(-1, UFFDIO_API, &api);
    struct uffdio_register reg = { .range = { 0x10000, 0x2000 }, .mode = UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_WP,
                                   .ioctls = 1 << _UFFDIO_COPY | 1 << _UFFDIO_CONTINUE };
    ioctl(-1, UFFDIO_REGISTER, &reg);
    struct uffdio_copy copy = { .dst = 0x10000, .src = 0x20000, .len = 0x1000, .mode = UFFDIO_COPY_MODE_WP, .copy = 0x1000 };
    ioctl(-1, UFFDIO_COPY, &copy);
    struct uffdio_zeropage zero = { .range = { 0x10000, 0x1000 }, .mode = 3, .zeropage = -11 };
    ioctl(-1, UFFDIO_ZEROPAGE, &zero);
    ioctl(-1, UFFDIO_WAKE, &reg.range);
}

static void ubi(void)
{
    struct ubi_attach_req att = { .ubi_num = UBI_DEV_NUM_AUTO, .mtd_num = 3, .vid_hdr_offset = 2048, .max_beb_per1024 = 20 };
    ioctl(-1, UBI_IOCATT, &att);
    struct ubi_mkvol_req mk = { .vol_id = UBI_VOL_NUM_AUTO, .alignment = 1, .bytes = 1 << 20, .vol_type = UBI_DYNAMIC_VOLUME,
                                .flags = UBI_VOL_SKIP_CRC_CHECK_FLG | 2, .name_len = 6 };
    strcpy(mk.name, "rootfs");
    ioctl(-1, UBI_IOCMKVOL, &mk);
    mk.name_len = 3;
    mk.vol_type = 9;
    ioctl(-1, UBI_IOCMKVOL, &mk);
    int32_t vol = 2;
    ioctl(-1, UBI_IOCRMVOL, &vol);
    int64_t bytes = 4096;
    ioctl(-1, UBI_IOCVOLUP, &bytes);
    struct ubi_rsvol_req rs = { .bytes = 1 << 21, .vol_id = 1 };
    ioctl(-1, UBI_IOCRSVOL, &rs);
    struct ubi_rnvol_req rn;
    memset(&rn, 0, sizeof rn);
    rn.count = 2;
    rn.ents[0].vol_id = 1;
    rn.ents[0].name_len = 4;
    strcpy(rn.ents[0].name, "data");
    rn.ents[1].vol_id = 2;
    rn.ents[1].name_len = 2;
    strcpy(rn.ents[1].name, "logs");
    ioctl(-1, UBI_IOCRNVOL, &rn);
    struct ubi_map_req map = { .lnum = 7, .dtype = 1 };
    ioctl(-1, UBI_IOCEBMAP, &map);
    struct ubi_set_vol_prop_req prop = { .property = UBI_VOL_PROP_DIRECT_WRITE, .value = 1 };
    ioctl(-1, UBI_IOCSETVOLPROP, &prop);
    ioctl(-1, UBI_IOCVOLRMBLK, 0);
}

int main(void)
{
    ptp();
    loop();
    block();
    nbd();
    uffd();
    ubi();
    return 0;
}
