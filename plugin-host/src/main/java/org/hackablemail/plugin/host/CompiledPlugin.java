package org.hackablemail.plugin.host;

import java.util.function.Function;

import org.hackablemail.plugin.PluginDigest;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;

/** A validated module and its AOT-compiled code, ready to be instantiated any number of times. */
record CompiledPlugin(PluginDigest digest, WasmModule module, Function<Instance, Machine> machineFactory) {
}
