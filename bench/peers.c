// The C baseline for bench/run. Usage: peers MODE N
//   spawn, forkexec, fork: N times posix_spawn+wait, fork+exec+wait, fork of a child that exits
//   fork10: N children, forked 10 at a time, each batch waited for
//   forklat: N forks; prints the median ms from fork() to its return in the parent and in the child
//   mem: N children alive at once; prints the mean RSS and PSS of one and the sum of PSS, in MB
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static long field(pid_t pid, const char *name) { // a kB figure from /proc/PID/smaps_rollup
    char path[64], line[256];
    long v = 0;
    snprintf(path, sizeof path, "/proc/%d/smaps_rollup", pid);
    FILE *f = fopen(path, "r");
    while (f && fgets(line, sizeof line, f)) {
        if (strncmp(line, name, strlen(name)) == 0) v = atol(line + strlen(name));
    }
    if (f) fclose(f);
    return v;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: peers spawn|forkexec|fork|fork10|forklat|mem N\n");
        return 2;
    }
    const char *mode = argv[1];
    int n = atoi(argv[2]);
    char *child_argv[] = {"/bin/true", NULL};
    if (strcmp(mode, "forklat") == 0) {
        double *parent = calloc(n, sizeof(double)), *child = calloc(n, sizeof(double));
        int p[2];
        if (pipe(p) != 0) return 1;
        for (int i = 0; i < n; i++) {
            double t0 = now();
            pid_t pid = fork();
            if (pid == 0) {
                double d = now() - t0;
                write(p[1], &d, sizeof d);
                _exit(0);
            }
            parent[i] = now() - t0;
            waitpid(pid, NULL, 0);
            if (read(p[0], &child[i], sizeof(double)) != sizeof(double)) return 1;
        }
        qsort(parent, n, sizeof(double), cmp);
        qsort(child, n, sizeof(double), cmp);
        printf("%f %f\n", parent[n / 2] * 1000, child[n / 2] * 1000);
        return 0;
    }
    if (strcmp(mode, "mem") == 0) {
        pid_t *pids = calloc(n, sizeof(pid_t));
        for (int i = 0; i < n; i++) {
            if ((pids[i] = fork()) == 0) {
                pause();
                _exit(0);
            }
        }
        sleep(1);
        long rss = 0, pss = 0;
        for (int i = 0; i < n; i++) {
            rss += field(pids[i], "Rss:");
            pss += field(pids[i], "Pss:");
        }
        for (int i = 0; i < n; i++) {
            kill(pids[i], SIGTERM);
            waitpid(pids[i], NULL, 0);
        }
        printf("%f %f %f\n", rss / (double)n / 1024, pss / (double)n / 1024, pss / 1024.0);
        return 0;
    }
    int batch = strcmp(mode, "fork10") == 0 ? 10 : 1;
    pid_t pids[10];
    for (int i = 0; i < n; i += batch) {
        for (int j = 0; j < batch; j++) {
            pid_t pid;
            if (strcmp(mode, "spawn") == 0) {
                if (posix_spawn(&pid, "/bin/true", NULL, NULL, child_argv, environ) != 0) return 1;
            } else {
                pid = fork();
                if (pid == 0) {
                    if (strcmp(mode, "forkexec") == 0) execve("/bin/true", child_argv, environ);
                    _exit(0);
                }
            }
            pids[j] = pid;
        }
        for (int j = 0; j < batch; j++) {
            waitpid(pids[j], NULL, 0);
        }
    }
    return 0;
}
