/* ioctl requests of the families syscope decodes, on descriptor -1 (the kernel answers EBADF, or
 * the tracer injects a return), with arguments set in every field, so each request's argument
 * prints as the tracer decodes it. Deterministic: no addresses are printed where memory is readable. */
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <linux/gpio.h>
#include <linux/hdreg.h>
#include <linux/inotify.h>
#include <linux/input.h>
#include <linux/nsfs.h>
#include <linux/watchdog.h>
#include <linux/random.h>
#include <linux/rtc.h>
#include <linux/seccomp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>

int main(void)
{
    unsigned int flags = 0xf2ffffff;
    ioctl(-1, FS_IOC_SETFLAGS, &flags);
    flags = 0xd000000;
    ioctl(-1, FS_IOC32_SETFLAGS, &flags);
    ioctl(-1, FS_IOC_GETFLAGS, &flags);
    ioctl(-1, FS_IOC_GETFLAGS, NULL);
    ioctl(-1, FIFREEZE, 0);
    ioctl(-1, FITHAW, 0);
    struct fstrim_range range = { 0xdeadbeefcafef00dULL, 0xfacefeedbabec0deULL, 4096 };
    ioctl(-1, FITRIM, &range);
    struct fsxattr fsx = { .fsx_xflags = 0x8001fffb, .fsx_extsize = 7, .fsx_nextents = 9, .fsx_projid = 0xcafe,
                           .fsx_cowextsize = 3 };
    ioctl(-1, FS_IOC_FSSETXATTR, &fsx);
    fsx.fsx_xflags = ~fsx.fsx_xflags;
    ioctl(-1, FS_IOC_FSSETXATTR, &fsx);
    ioctl(-1, FS_IOC_FSGETXATTR, &fsx);
    ioctl(-1, FICLONE, 5);
    struct winsize ws = { 24, 80, 1, 2 };
    ioctl(-1, TIOCSWINSZ, &ws);
    ioctl(-1, TIOCGWINSZ, &ws);
    int n = 6;
    ioctl(-1, RNDGETENTCNT, &n);
    ioctl(-1, RNDZAPENTCNT, 0);
    ioctl(-1, _IOC(_IOC_READ, 0xde, 0xad, 8), 0);
    int timeout = 123;
    ioctl(-1, WDIOC_SETTIMEOUT, &timeout);
    ioctl(-1, WDIOC_GETTIMEOUT, &timeout);
    ioctl(-1, WDIOC_KEEPALIVE, 0);
    ioctl(-1, INOTIFY_IOC_SETNEXTWD, 7);
    struct { struct fiemap m; struct fiemap_extent e[2]; } map = {
        { .fm_start = 4096, .fm_length = 65536, .fm_flags = 1, .fm_mapped_extents = 2, .fm_extent_count = 2 },
        { { .fe_logical = 1, .fe_physical = 2, .fe_length = 3, .fe_flags = 0x3f8f },
          { .fe_logical = 4, .fe_physical = 5, .fe_length = 6, .fe_flags = ~0x3f8fu } } };
    ioctl(-1, FS_IOC_FIEMAP, &map);
    struct hd_geometry geo = { 4, 63, 1024, 2048 };
    ioctl(-1, HDIO_GETGEO, &geo);
    unsigned char cmd[4 + 512] = { 0xca, 1, 2, 1 };
    ioctl(-1, HDIO_DRIVE_CMD, cmd);
    ioctl(-1, HDIO_SET_DMA, 1);
    long value = 3;
    ioctl(-1, HDIO_GET_DMA, &value);
    ioctl(-1, HDIO_SET_NICE, 0x1b);
    ioctl(-1, HDIO_SET_BUSSTATE, 2);
    int reset[3] = { 1, 2, 3 };
    ioctl(-1, HDIO_DRIVE_RESET, reset);
    unsigned int lines = 0xffff1e00;
    ioctl(-1, TIOCMBIS, &lines);
    lines = 0x61ff;
    ioctl(-1, TIOCMSET, &lines);
    ioctl(-1, TIOCMGET, &lines);
    struct termio old = { 0x8180, 0x8101, 0x80bc, 0x1a2, 7, { 3, 28, 127, 21, 4, 0, 1, 0 } };
    ioctl(-1, TCSETA, &old);
    ioctl(-1, TCGETA, &old);
    unsigned int uid = 1000;
    ioctl(-1, NS_GET_OWNER_UID, &uid);
    ioctl(-1, NS_GET_NSTYPE);
    ioctl(-1, NS_GET_USERNS);
    struct input_id iid = { 3, 0x46d, 0xc52b, 0x111 };
    ioctl(-1, EVIOCGID, &iid);
    struct input_absinfo abs = { 1, -5, 100, 2, 3, 10 };
    ioctl(-1, EVIOCGABS(ABS_MT_POSITION_X), &abs);
    ioctl(-1, EVIOCSABS(ABS_X), &abs);
    unsigned long bits[12] = { 0x1e, 0, 0x8000000000000006UL, 5 };
    ioctl(-1, EVIOCGBIT(EV_KEY, sizeof bits), bits);
    ioctl(-1, EVIOCGBIT(0, sizeof bits), bits);
    ioctl(-1, EVIOCGBIT(EV_FF, 16), bits);
    ioctl(-1, EVIOCGKEY(sizeof bits), bits);
    ioctl(-1, EVIOCGPROP(8), bits);
    unsigned int keycode[2] = { 0x70004, KEY_A };
    ioctl(-1, EVIOCSKEYCODE, keycode);
    ioctl(-1, EVIOCGKEYCODE, keycode);
    ioctl(-1, EVIOCGREP, keycode);
    struct input_keymap_entry ike = { 1, 4, 9, KEY_B, { 4, 0, 7 } };
    ioctl(-1, EVIOCGKEYCODE_V2, &ike);
    struct ff_effect ffe = { .type = FF_PERIODIC, .id = -1, .direction = 0x4000,
                             .u.periodic = { FF_SINE, 100, 2000, -3, 90, { 1, 2, 3, 4 }, 0, 0 } };
    ioctl(-1, EVIOCSFF, &ffe);
    ffe.type = FF_RUMBLE;
    ioctl(-1, EVIOCSFF, &ffe);
    int slots[3] = { ABS_MT_TRACKING_ID, 7, -1 };
    ioctl(-1, EVIOCGMTSLOTS(sizeof slots), slots);
    int version = 0x10001;
    ioctl(-1, EVIOCGVERSION, &version);
    ioctl(-1, EVIOCGEFFECTS, &version);
    char name[16] = "Logitech USB";
    ioctl(-1, EVIOCGNAME(sizeof name), name);
    ioctl(-1, EVIOCGRAB, 1);
    ioctl(-1, EVIOCRMFF, 3);
    struct gpiochip_info chip = { "gpiochip0", "pinctrl", 54 };
    ioctl(-1, GPIO_GET_CHIPINFO_IOCTL, &chip);
    struct gpioline_info line = { 17, GPIOLINE_FLAG_IS_OUT | 0x100, "GPIO17", "led" };
    ioctl(-1, GPIO_GET_LINEINFO_IOCTL, &line);
    struct gpiohandle_request handle = { { 17, 18 }, GPIOHANDLE_REQUEST_OUTPUT, { 1, 0 }, "blink", 2, 7 };
    ioctl(-1, GPIO_GET_LINEHANDLE_IOCTL, &handle);
    struct gpio_v2_line_request request = { { 4, 5, 6 }, "sensor", { GPIO_V2_LINE_FLAG_INPUT, 2, { 0 },
        { { { GPIO_V2_LINE_ATTR_ID_DEBOUNCE, 0, { .debounce_period_us = 5000 } }, 3 },
          { { GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES, 1, { .values = 6 } }, 4 } } }, 3, 16, { 0 }, 9 };
    ioctl(-1, GPIO_V2_GET_LINE_IOCTL, &request);
    struct gpio_v2_line_values values = { 0x5, 0x7 };
    ioctl(-1, GPIO_V2_LINE_GET_VALUES_IOCTL, &values);
    struct seccomp_notif notif = { 0 };
    ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, &notif);
    notif = (struct seccomp_notif) { 7, 1, 0, { 39, 0xc000003e, 0, { 1, 2, 3, 4, 5, 6 } } };
    ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, &notif);
    struct seccomp_notif_resp resp = { 7, -1, -13, 1 };
    ioctl(-1, SECCOMP_IOCTL_NOTIF_SEND, &resp);
    unsigned long long notif_id = 7;
    ioctl(-1, SECCOMP_IOCTL_NOTIF_ID_VALID, &notif_id);
    struct seccomp_notif_addfd addfd = { 7, SECCOMP_ADDFD_FLAG_SEND, 1, 0, 02000000 };
    ioctl(-1, SECCOMP_IOCTL_NOTIF_ADDFD, &addfd);
    struct rtc_time tm = { 5, 4, 3, 2, 1, 126, 4, 31, 0 };
    ioctl(-1, RTC_SET_TIME, &tm);
    ioctl(-1, RTC_RD_TIME, &tm);
    struct rtc_wkalrm alarm = { 1, 0, tm };
    ioctl(-1, RTC_WKALM_SET, &alarm);
    ioctl(-1, RTC_UIE_ON);
    ioctl(-1, RTC_IRQP_SET, 64);
    unsigned long rate = 64;
    ioctl(-1, RTC_IRQP_READ, &rate);
    unsigned int low = RTC_VL_BACKUP_LOW;
    ioctl(-1, RTC_VL_READ, &low);
    struct rtc_param param = { RTC_PARAM_BACKUP_SWITCH_MODE, { RTC_BSM_LEVEL }, 0, 0 };
    ioctl(-1, RTC_PARAM_SET, &param);
    ioctl(-1, RTC_PARAM_GET, &param);
    param = (struct rtc_param) { RTC_PARAM_FEATURES, { 0x25 }, 1, 0 };
    ioctl(-1, RTC_PARAM_GET, &param);
    return 0;
}
