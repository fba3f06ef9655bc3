#ifndef JSNA_CGLPK_SHIM_H
#define JSNA_CGLPK_SHIM_H
/* GLPK (Debian libglpk-dev), the LP solver sdcTable uses for disclosure audits. */
#include <glpk.h>
#endif
