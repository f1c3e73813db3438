#include <poll.h>
#include <stdlib.h>
int main(int argc, char **argv){
  int bases[] = {0, 100, 1000, 10000, 100000, 1000000, 10000000};
  struct pollfd p[200];
  for (int b = 0; b < 7; b++) { for (int i = 0; i < 200; i++) { p[i].fd = bases[b] + i; p[i].events = POLLIN; } poll(p, 200, 0); }
  return 0;
}
