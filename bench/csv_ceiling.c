/* The parser's ceiling: libcsv alone over a file, with jsna's options (strict, all
 * newlines reported, spaces kept) and callbacks that only count. Prints MB/s.
 * Build: cc -O2 -o csv_ceiling csv_ceiling.c -lcsv */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static size_t fields, records;
static void on_field(void *s, size_t n, void *d) { (void)s; (void)n; (void)d; fields++; }
static void on_record(int c, void *d) { (void)c; (void)d; records++; }
static int no_space(unsigned char c) { (void)c; return 0; }

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: csv_ceiling FILE\n"); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    static char buf[1 << 20];
    struct csv_parser p;
    csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL);
    csv_set_space_func(&p, no_space);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    size_t n, total = 0;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        if (csv_parse(&p, buf, n, on_field, on_record, NULL) != n) { fprintf(stderr, "parse error\n"); return 1; }
        total += n;
    }
    csv_fini(&p, on_field, on_record, NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("{\"bytes\": %zu, \"records\": %zu, \"fields\": %zu, \"seconds\": %.4f, \"mb_per_s\": %.1f}\n", total, records, fields, s, total / 1e6 / s);
    csv_free(&p);
    return 0;
}
