/* One thread of this program blocks in a known futex wait while another holds what it waits for:
 *   mutex  main locks a normal pthread mutex that the "holder" thread keeps
 *   pi     the same with a priority-inheritance mutex
 *   join   main joins the "sleeper" thread, which sleeps
 *   cond   main waits 60 s on a condition variable nobody signals
 *   abba   threads "first" and "second" each hold one mutex and wait for the other's; main joins "first"
 * It prints "ready MAIN_TID OTHER_TID" ("ready MAIN FIRST SECOND" for abba) before main blocks,
 * then waits to be killed. */
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

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER, b = PTHREAD_MUTEX_INITIALIZER;
static pthread_barrier_t both_hold;
static int tids[2];

static void *cross(void *arg)
{
    int second = arg != NULL;
    tids[second] = gettid();
    pthread_mutex_lock(second ? &b : &a);
    pthread_barrier_wait(&both_hold);
    pthread_mutex_lock(second ? &a : &b);
    return NULL;
}

static int abba(void)
{
    pthread_t first, second;
    pthread_barrier_init(&both_hold, NULL, 3);
    pthread_create(&first, NULL, cross, NULL);
    pthread_create(&second, NULL, cross, (void *)1);
    pthread_setname_np(first, "first");
    pthread_setname_np(second, "second");
    pthread_barrier_wait(&both_hold);
    printf("ready %d %d %d\n", gettid(), tids[0], tids[1]);
    fflush(stdout);
    pthread_join(first, NULL);
    return 0;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "mutex";
    if (strcmp(mode, "abba") == 0) return abba();
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    if (strcmp(mode, "pi") == 0) pthread_mutexattr_setprotocol(&attr, PTHREAD_PRIO_INHERIT);
    if (strcmp(mode, "robust") == 0) pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
    pthread_mutex_init(&lock, &attr);
    int locks = strcmp(mode, "mutex") == 0 || strcmp(mode, "pi") == 0 || strcmp(mode, "robust") == 0;

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
