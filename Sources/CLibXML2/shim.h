#ifndef WUTONG_CLIBXML2_SHIM_H
#define WUTONG_CLIBXML2_SHIM_H

/* Debian's libxml2 is built with ICU; its headers would pull in ICU's unicode/*.h, which clash
   with the ICU that Foundation bundles ("'UErrorCode' has different definitions"). We never use
   libxml2's ICU-dependent API, so switch the macro off before the other headers see it. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>

#endif
