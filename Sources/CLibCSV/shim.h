#ifndef JSNA_CLIBCSV_SHIM_H
#define JSNA_CLIBCSV_SHIM_H
/* libcsv (Debian libcsv-dev) ships csv.h but no pkg-config file. */
#include <stdio.h>
#include <stddef.h>
#include <string.h>
#include <stdlib.h>
#include <malloc.h>
#include <csv.h>

/* libcsv grows a field's buffer by a fixed block (128 bytes) per realloc. glibc usually
   extends large blocks in place, but where realloc must copy (AddressSanitizer always
   does) a 10 MB field costs 80,000 copies of up to 10 MB each: minutes, not milliseconds.
   This realloc doubles the block instead and answers later calls from the spare room,
   so any field costs O(size). libcsv frees the buffer with free(), as before. */
static inline void *jsna_csv_realloc(void *old, size_t size) {
    if (old != NULL) {
        size_t have = malloc_usable_size(old);
        if (have >= size) return old;
        if (have <= ((size_t)-1) / 2 && have * 2 > size) {
            void *grown = realloc(old, have * 2);
            if (grown != NULL) return grown;
        }
    }
    return realloc(old, size);
}

/* Puts `jsna_csv_realloc` in charge of the parser's field buffer. */
static inline void jsna_csv_grow_geometrically(struct csv_parser *p) {
    csv_set_realloc_func(p, jsna_csv_realloc);
}

/* A space function that treats no byte as a space, so libcsv keeps spaces around
   unquoted fields. In C: libcsv calls it for every byte of an unquoted field. */
static inline int jsna_csv_no_space(unsigned char c) { (void)c; return 0; }

/* libcsv trims or skips spaces and tabs only at the edges of unquoted fields. With a
   space function it keeps them, but calls it for every byte; its built-in test is about
   1.5 times as fast. So jsna hands libcsv whole records at a time, and uses the built-in
   test for a stretch of records unless a space or tab outside quotes sits at a field's
   edge there (next to a comma, quote, CR or LF, or at the stretch's start). */

/* 1 if a byte of p[from..to) is a space or tab next to an edge byte; p[-1] and p[n]
   count as edges. Branch-free in the middle so it vectorises. */
static inline int jsna_csv_edge_space_in_run(const unsigned char *p, size_t n, size_t from, size_t to) {
    if (from >= to) return 0;
    unsigned char found = 0;
    size_t lo = from > 0 ? from : 1, hi = to < n - 1 ? to : n - 1;
    if (from == 0 && (p[0] == ' ' || p[0] == '\t')) return 1;
    if (to == n && n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t')) return 1;
    for (size_t i = lo; i < hi; i++) {
        unsigned char c = p[i], b = p[i - 1], a = p[i + 1];
        unsigned char space = (c == ' ') | (c == '\t');
        unsigned char edge = (b == ',') | (b == '"') | (b == '\r') | (b == '\n')
            | (a == ',') | (a == '"') | (a == '\r') | (a == '\n');
        found |= space & edge;
    }
    return found;
}

/* The last CR or LF in p[from..to), as one past it, or 0 if there is none. */
static inline size_t jsna_csv_last_terminator_in_run(const unsigned char *p, size_t from, size_t to) {
    for (size_t i = to; i > from; i--) {
        if (p[i - 1] == '\n' || p[i - 1] == '\r') return i;
    }
    return 0;
}

/* Scans p[0..n), starting outside quotes. Returns one past the last CR or LF outside
   quotes (0 if none: the buffer holds no whole record), and sets *edge_space to whether
   a space or tab outside quotes sits at a field's edge before that point. */
static inline size_t jsna_csv_whole_records(const unsigned char *p, size_t n, int *edge_space) {
    int quoted = 0, committed = 0, pending = 0;
    size_t end = 0, pos = 0;
    while (pos < n) {
        const unsigned char *q = memchr(p + pos, '"', n - pos);
        size_t next = q ? (size_t)(q - p) : n;
        if (!quoted) {
            size_t t = jsna_csv_last_terminator_in_run(p, pos, next);
            if (t) {
                committed |= pending | jsna_csv_edge_space_in_run(p, n, pos, t);
                pending = jsna_csv_edge_space_in_run(p, n, t, next);
                end = t;
            } else {
                pending |= jsna_csv_edge_space_in_run(p, n, pos, next);
            }
        }
        if (!q) break;
        quoted = !quoted;
        pos = next + 1;
    }
    *edge_space = committed;
    return end;
}

/* The first CR or LF outside quotes in p[0..n), as one past it, or 0; *in_quotes is
   the quote state at p[0] and, when there is none, is updated to the state at p[n]. */
static inline size_t jsna_csv_first_record_end(const unsigned char *p, size_t n, int *in_quotes) {
    int quoted = *in_quotes;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) { *in_quotes = 0; return i + 1; }
    }
    *in_quotes = quoted;
    return 0;
}
/* Text check, on the bytes as they are handed to libcsv: the first byte of p[0..n) that
   is a NUL or breaks UTF-8 (overlong forms, surrogates and code points past U+10FFFF
   included), or n. *state carries a sequence across calls: the continuation bytes still
   wanted (low 8 bits) and the allowed range of the next one (bits 8-15 and 16-23); 0
   between characters. A sequence broken by a later byte is reported at its first byte
   (at 0 if it began in an earlier call). ASCII goes eight bytes at a time. */
static inline size_t jsna_text_check(const unsigned char *p, size_t n, unsigned *state) {
    unsigned need = *state & 0xFF, lo = (*state >> 8) & 0xFF, hi = (*state >> 16) & 0xFF;
    size_t i = 0, lead = 0;
    while (i < n) {
        if (need == 0) {
            while (i + 8 <= n) {
                unsigned long long w;
                memcpy(&w, p + i, 8);
                unsigned long long zero = (w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL;
                if ((w & 0x8080808080808080ULL) | zero) break;
                i += 8;
            }
            if (i >= n) break;
            unsigned char c = p[i];
            if (c == 0) { *state = 0; return i; }
            if (c < 0x80) { i++; continue; }
            if (c >= 0xC2 && c <= 0xDF) { need = 1; lo = 0x80; hi = 0xBF; }
            else if (c == 0xE0) { need = 2; lo = 0xA0; hi = 0xBF; }
            else if (c == 0xED) { need = 2; lo = 0x80; hi = 0x9F; }
            else if (c >= 0xE1 && c <= 0xEF) { need = 2; lo = 0x80; hi = 0xBF; }
            else if (c == 0xF0) { need = 3; lo = 0x90; hi = 0xBF; }
            else if (c >= 0xF1 && c <= 0xF3) { need = 3; lo = 0x80; hi = 0xBF; }
            else if (c == 0xF4) { need = 3; lo = 0x80; hi = 0x8F; }
            else { *state = 0; return i; }
            lead = i;
            i++;
        } else {
            unsigned char c = p[i];
            if (c < lo || c > hi) { *state = 0; return lead; }
            need--; lo = 0x80; hi = 0xBF;
            i++;
        }
    }
    *state = need | (lo << 8) | (hi << 16);
    if (need == 0) *state = 0;
    return n;
}
#endif
