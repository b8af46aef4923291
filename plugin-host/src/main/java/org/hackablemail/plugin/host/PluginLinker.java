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
    private final VarStore vars;

    PluginLinker(ExtismKernel kernel, SandboxLimits limits, VarStore vars) {
        this.kernel = kernel;
        this.limits = limits;
        this.vars = vars;
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
        functions.addAll(new EnvFunctions(kernelInstance, slot, vars, limits.maxVarBytes()).functions());
        functions.addAll(new EmailFunctions(kernelInstance, slot).functions());
        functions.addAll(new WasiFunctions(slot).functions());
        return functions;
    }
}
