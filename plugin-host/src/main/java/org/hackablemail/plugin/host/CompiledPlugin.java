package org.hackablemail.plugin.host;

import java.util.function.Function;

import org.hackablemail.plugin.PluginDigest;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;

/**
 * A plugin ready to be instantiated any number of times: its module's skeleton and its loaded compiled classes.
 *
 * @param weightBytes what it holds in the JVM (heap and class metadata), estimated: what the code cache counts
 */
record CompiledPlugin(PluginDigest digest, WasmModule module, Function<Instance, Machine> machineFactory,
                      long weightBytes) {
}
