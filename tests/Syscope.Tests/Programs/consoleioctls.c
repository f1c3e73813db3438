/* The console's keyboard and display requests (<linux/kd.h>) and infrared remotes' (<linux/lirc.h>)
 * on descriptor -1 (the kernel answers EBADF, or the tracer injects a return), with arguments in
 * every field, each shape once: flags known and unknown, keys of every type, strings cut at -s,
 * arrays cut at MAX_DIACR, fonts by operation. Deterministic: no readable memory prints as an address. */
#include <linux/kd.h>
#include <linux/keyboard.h>
#include <linux/lirc.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

int main(void)
{
    ioctl(-1, KIOCSOUND, 0);
    ioctl(-1, KIOCSOUND, 440);
    ioctl(-1, KIOCSOUND, 1193183);
    ioctl(-1, KDMKTONE, 440);
    ioctl(-1, KDMKTONE, (200 << 16) | 1000);
    unsigned char led = 0xfe;
    ioctl(-1, KDGETLED, &led);
    ioctl(-1, KDSETLED, 0x7);
    ioctl(-1, KDSETLED, 0xf0);
    ioctl(-1, KDGKBLED, &led);
    ioctl(-1, KDSKBLED, 0x77);
    ioctl(-1, KDGKBTYPE, &led);
    ioctl(-1, KDADDIO, 0x3c0);
    ioctl(-1, KDDELIO, 0x400);
    ioctl(-1, KDENABIO, 0);
    ioctl(-1, KDDISABIO, 0);
    ioctl(-1, KDSETMODE, KD_GRAPHICS);
    ioctl(-1, KDSETMODE, 7);
    unsigned int mode = KD_TEXT1;
    ioctl(-1, KDGETMODE, &mode);
    ioctl(-1, KDMAPDISP, 0);
    ioctl(-1, KDUNMAPDISP, 0);
    unsigned char *map = malloc(E_TABSZ);
    for (int i = 0; i < E_TABSZ; i++) map[i] = (unsigned char)(i * 7);
    ioctl(-1, PIO_SCRNMAP, map);
    ioctl(-1, GIO_SCRNMAP, map);
    mode = K_XLATE;
    ioctl(-1, KDGKBMODE, &mode);
    ioctl(-1, KDSKBMODE, K_UNICODE);
    ioctl(-1, KDSKBMODE, -5);
    struct kbentry ent[] = {
        { K_NORMTAB, 30, K(KT_LATIN, 'a') }, { K_SHIFTTAB, 30, K(KT_LATIN, '\n') },
        { 0xa8, 59, K_F1 }, { K_ALTTAB, 1, K_HOLE }, { K_ALTSHIFTTAB, 2, K(KT_SPEC, 0x7d) },
        { 4, 3, K(KT_CONS, 2) }, { 1 << KG_CTRL, 4, K(KT_META, '\'') }, { 0, 5, K_BRL_DOT3 }, { 0, 6, 0x1234 },
    };
    for (size_t i = 0; i < sizeof(ent) / sizeof(ent[0]); i++) {
        ioctl(-1, KDSKBENT, &ent[i]);
        ioctl(-1, KDGKBENT, &ent[i]);
    }
    struct kbsentry *sent = malloc(sizeof(*sent));
    sent->kb_func = 20;
    strcpy((char *)sent->kb_string, "\033[1~ \\ \"home\"");
    ioctl(-1, KDSKBSENT, sent);
    ioctl(-1, KDGKBSENT, sent);
    memset(sent->kb_string, 'x', sizeof(sent->kb_string) - 1);
    sent->kb_string[sizeof(sent->kb_string) - 1] = 0;
    sent->kb_func = 255;
    ioctl(-1, KDSKBSENT, sent);
    struct kbdiacrs *dia = malloc(sizeof(*dia));
    for (int i = 0; i < 256; i++) dia->kbdiacr[i] = (struct kbdiacr){ (unsigned char)('A' + i % 26), '\t', (unsigned char)(0x80 + i % 64) };
    dia->kb_cnt = 3;
    ioctl(-1, KDSKBDIACR, dia);
    ioctl(-1, KDGKBDIACR, dia);
    dia->kb_cnt = 300;
    ioctl(-1, KDSKBDIACR, dia);
    struct kbdiacrsuc *diauc = malloc(sizeof(*diauc));
    for (int i = 0; i < 256; i++) diauc->kbdiacruc[i] = (struct kbdiacruc){ 0x300 + i, 0x61 + i, 0xe0 + i };
    diauc->kb_cnt = 2;
    ioctl(-1, KDSKBDIACRUC, diauc);
    ioctl(-1, KDGKBDIACRUC, diauc);
    struct kbkeycode kc = { 0xe01d, 97 };
    ioctl(-1, KDSETKEYCODE, &kc);
    ioctl(-1, KDGETKEYCODE, &kc);
    ioctl(-1, KDSIGACCEPT, SIGUSR2);
    ioctl(-1, KDSIGACCEPT, 100);
    struct kbd_repeat rep = { 250, -33 };
    ioctl(-1, KDKBDREP, &rep);
    unsigned char *font = malloc(8192);
    memset(font, 0x5a, 8192);
    ioctl(-1, PIO_FONT, font);
    ioctl(-1, GIO_FONT, font);
    mode = K_ESCPREFIX;
    ioctl(-1, KDGKBMETA, &mode);
    ioctl(-1, KDSKBMETA, K_METABIT);
    ioctl(-1, KDSKBMETA, 9);
    struct unipair pairs[3] = { { 0x41, 0x41 }, { 0x263a, 1 }, { 0xfffd, 0x3f } };
    struct unimapdesc umd = { 3, pairs };
    ioctl(-1, PIO_UNIMAP, &umd);
    ioctl(-1, GIO_UNIMAP, &umd);
    struct unimapinit umi = { 256, 7, 3 };
    ioctl(-1, PIO_UNIMAPCLR, &umi);
    unsigned short *uni = malloc(E_TABSZ * sizeof(*uni));
    for (int i = 0; i < E_TABSZ; i++) uni[i] = (unsigned short)(i % 3 ? 0xf000 + i : 0x2500 + i);
    ioctl(-1, PIO_UNISCRNMAP, uni);
    ioctl(-1, GIO_UNISCRNMAP, uni);
    struct consolefontdesc cfd = { 2, 16, (char *)font };
    ioctl(-1, GIO_FONTX, &cfd);
    ioctl(-1, PIO_FONTRESET, 0);
    unsigned char cmap[48];
    memset(cmap, 0xaa, sizeof(cmap));
    ioctl(-1, PIO_CMAP, cmap);
    ioctl(-1, GIO_CMAP, cmap);
    struct console_font_op op = { KD_FONT_OP_SET, KD_FONT_FLAG_DONT_RECALC, 8, 16, 2, font };
    ioctl(-1, KDFONTOP, &op);
    op.op = KD_FONT_OP_GET;
    ioctl(-1, KDFONTOP, &op);
    char name[] = "default8x16";
    op = (struct console_font_op){ KD_FONT_OP_SET_DEFAULT, 0, 8, 16, 0, (unsigned char *)name };
    ioctl(-1, KDFONTOP, &op);
    op.op = KD_FONT_OP_COPY;
    ioctl(-1, KDFONTOP, &op);
    op.op = 9;
    op.flags = 0x80000003;
    ioctl(-1, KDFONTOP, &op);

    unsigned int v = 38000;
    ioctl(-1, LIRC_SET_SEND_CARRIER, &v);
    v = LIRC_MODE_MODE2;
    ioctl(-1, LIRC_SET_REC_MODE, &v);
    v = 6;
    ioctl(-1, LIRC_SET_SEND_MODE, &v);
    v = 0x5;
    ioctl(-1, LIRC_SET_TRANSMITTER_MASK, &v);
    v = LIRC_CAN_SEND_PULSE | LIRC_CAN_REC_MODE2 | 0x8000000;
    ioctl(-1, LIRC_GET_FEATURES, &v);
    v = LIRC_MODE_SCANCODE;
    ioctl(-1, LIRC_GET_REC_MODE, &v);
    v = 1000;
    ioctl(-1, LIRC_GET_MIN_TIMEOUT, &v);
    ioctl(-1, LIRC_GET_LENGTH, NULL);
    return 0;
}
