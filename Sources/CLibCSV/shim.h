#ifndef JSNA_CLIBCSV_SHIM_H
#define JSNA_CLIBCSV_SHIM_H
/* libcsv (Debian libcsv-dev) ships csv.h but no pkg-config file. */
#include <stdio.h>
#include <csv.h>
#endif
