/* One thread of this program blocks in a known futex wait while another holds what it waits for:
 *   mutex  main locks a normal pthread mutex that the "holder" thread keeps
 *   pi     the same with a priority-inheritance mutex
 *   join   main joins the "sleeper" thread, which sleeps
 *   cond   main waits 60 s on a condition variable nobody signals
 * It prints "ready MAIN_TID OTHER_TID" before main blocks, then waits to be killed. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t lock;
static pthread_mutex_t ready_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ready_cond = PTHREAD_COND_INITIALIZER;
static int other_tid;

static void *hold(void *arg)
{
    if (arg) pthread_mutex_lock(&lock);
    pthread_mutex_lock(&ready_lock);
    other_tid = gettid();
    pthread_cond_signal(&ready_cond);
    pthread_mutex_unlock(&ready_lock);
    sleep(120);
    return NULL;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "mutex";
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    if (strcmp(mode, "pi") == 0) pthread_mutexattr_setprotocol(&attr, PTHREAD_PRIO_INHERIT);
    pthread_mutex_init(&lock, &attr);
    int locks = strcmp(mode, "mutex") == 0 || strcmp(mode, "pi") == 0;

    pthread_t t;
    pthread_mutex_lock(&ready_lock);
    pthread_create(&t, NULL, hold, locks ? (void *)1 : NULL);
    pthread_setname_np(t, locks ? "holder" : "sleeper");
    while (other_tid == 0) pthread_cond_wait(&ready_cond, &ready_lock);
    pthread_mutex_unlock(&ready_lock);
    printf("ready %d %d\n", gettid(), other_tid);
    fflush(stdout);

    if (locks) pthread_mutex_lock(&lock);
    else if (strcmp(mode, "join") == 0) pthread_join(t, NULL);
    else {
        pthread_cond_t never = PTHREAD_COND_INITIALIZER;
        struct timespec deadline;
        clock_gettime(CLOCK_REALTIME, &deadline);
        deadline.tv_sec += 60;
        pthread_mutex_lock(&ready_lock);
        pthread_cond_timedwait(&never, &ready_lock, &deadline);
    }
    return 0;
}
