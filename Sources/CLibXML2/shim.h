#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; its ICU headers clash with the copy inside Swift's Foundation.
// OrgLens never touches libxml2's encoding-handler structs, so it can import the headers without ICU.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>

// Swift cannot define C variadic functions or read libxml2's xmlFree function-pointer global
// safely under strict concurrency, so these few wrappers stand in for them.

static void orglens_xml_ignore_message(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

/// libxml2 prints some errors through this thread's generic handler; OrgLens reports them itself.
static inline void orglens_xml_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, orglens_xml_ignore_message);
}

static inline void orglens_xml_free(void *pointer) {
    xmlFree(pointer);
}

static xmlParserInputPtr orglens_xml_refuse_entity(const char *url, const char *id, xmlParserCtxtPtr context) {
    (void)url;
    (void)id;
    (void)context;
    return NULL;
}

/// XML_PARSE_NONET does not stop file:// loads; this loader refuses every external resource.
static inline void orglens_xml_refuse_external_entities(void) {
    xmlSetExternalEntityLoader(orglens_xml_refuse_entity);
}
