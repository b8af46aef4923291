package org.hackablemail.core.store;

import org.hackablemail.core.circuit.CircuitStore;
import org.hackablemail.core.trace.TraceStore;

/**
 * Every store of the bundle, on one back-end: the file system of one node, or a database shared by many. The
 * bundle picks one at start ({@code storage} in {@code hackable-mail.properties}) and builds its services on it.
 */
public interface Storage {

    PluginStore plugins();

    VariableStore variables();

    GuestStore guests();

    AuditLog audit();

    TraceStore trace();

    CircuitStore circuits();
}
