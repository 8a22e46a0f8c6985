// The C baseline for bench/run: per-operation loops of posix_spawn+wait, fork+exec+wait and
// fork of a child that just exits. Usage: peers MODE N
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: peers spawn|forkexec|fork N\n");
        return 2;
    }
    int n = atoi(argv[2]);
    char *child_argv[] = {"/bin/true", NULL};
    for (int i = 0; i < n; i++) {
        pid_t pid;
        if (strcmp(argv[1], "spawn") == 0) {
            if (posix_spawn(&pid, "/bin/true", NULL, NULL, child_argv, environ) != 0) return 1;
        } else {
            pid = fork();
            if (pid == 0) {
                if (strcmp(argv[1], "forkexec") == 0) execve("/bin/true", child_argv, environ);
                _exit(0);
            }
        }
        int status;
        waitpid(pid, &status, 0);
    }
    return 0;
}
