#include <sys/ioctl.h>
#include <asm/termbits.h>
#include <string.h>
#include <unistd.h>
int main(){
  struct termios t; memset(&t, 0xff, sizeof t);
  ioctl(1, TCSETS, &t);
  memset(&t, 0, sizeof t); ioctl(1, TCSETS, &t);
  t.c_cflag = 0x1002 | 0060 | (0x1002 << 16); t.c_oflag = 0100|01000|04000|020000|040000|0100000; t.c_line = 3; ioctl(1, TCSETSW, &t);
  t.c_cflag = 0x100f; ioctl(1, TCSETSF, &t);
  return 0;
}
