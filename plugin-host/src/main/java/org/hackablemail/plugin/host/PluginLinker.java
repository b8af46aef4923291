package org.hackablemail.plugin.host;

import java.util.ArrayList;
import java.util.List;

import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;

/** Instantiates compiled plugins, each with its own kernel instance, host functions and capped memories. */
final class PluginLinker {
    private final ExtismKernel kernel;
    private final SandboxLimits limits;

    PluginLinker(ExtismKernel kernel, SandboxLimits limits) {
        this.kernel = kernel;
        this.limits = limits;
    }

    /** What {@link #instantiate} links, for validation. */
    HostInterface hostInterface() {
        return HostInterface.of(hostFunctions(kernel.instantiate(limits.kernelMemoryPages()), new CallSlot()));
    }

    /** Builds the instance without running any of its code: that happens in its first call, under the timeout. */
    PluginInstance instantiate(CompiledPlugin plugin) {
        CallSlot slot = new CallSlot();
        KernelInstance kernelInstance = kernel.instantiate(limits.kernelMemoryPages());
        Instance instance = Instance.builder(plugin.module())
            .withMachineFactory(plugin.machineFactory())
            .withMemoryFactory(new CappedMemory(limits.pluginMemoryPages()))
            .withTableFactory(new CappedTables(limits.module().maxTableElements()))
            .withImportValues(ImportValues.builder().withFunctions(hostFunctions(kernelInstance, slot)).build())
            .withInitialize(false)
            .build();
        return new PluginInstance(instance, kernelInstance, slot, limits.maxOutputBytes());
    }

    private List<ImportFunction> hostFunctions(KernelInstance kernelInstance, CallSlot slot) {
        List<ImportFunction> functions = new ArrayList<>(kernelInstance.forwardingFunctions(kernel.functions()));
        functions.addAll(new EnvFunctions(kernelInstance, slot).functions());
        // deliver and reply take JSON the size of the input, give or take what the plugin changed.
        functions.addAll(new EmailFunctions(kernelInstance, slot, 2L * limits.maxInputBytes()).functions());
        functions.addAll(new WasiFunctions(slot).functions());
        return functions;
    }
}
