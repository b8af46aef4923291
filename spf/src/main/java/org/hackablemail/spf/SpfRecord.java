package org.hackablemail.spf;

import java.util.List;
import java.util.Optional;

/** A parsed SPF record: its directives in order and the two modifiers RFC 7208 defines. */
record SpfRecord(List<Directive> directives, Optional<DomainSpec> redirect, Optional<DomainSpec> explanation) {
    SpfRecord {
        directives = List.copyOf(directives);
    }
}
