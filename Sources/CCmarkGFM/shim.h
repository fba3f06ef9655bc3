#ifndef JSNA_CCMARKGFM_SHIM_H
#define JSNA_CCMARKGFM_SHIM_H
/* Debian libcmark-gfm-dev and libcmark-gfm-extensions-dev (GitHub-flavoured Markdown). */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#endif
