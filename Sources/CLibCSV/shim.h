#ifndef JSNA_CLIBCSV_SHIM_H
#define JSNA_CLIBCSV_SHIM_H
/* libcsv (Debian libcsv-dev) ships csv.h but no pkg-config file. */
#include <stdio.h>
#include <csv.h>

/* A space function that treats no byte as a space, so libcsv keeps spaces around
   unquoted fields. In C: libcsv calls it for every byte of an unquoted field. */
static inline int jsna_csv_no_space(unsigned char c) { (void)c; return 0; }
#endif
