package org.hackablemail.tasks;

import java.util.Set;

import javax.inject.Inject;

import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MessageIdManager;
import org.apache.james.server.task.json.TaskExtensionModule;
import org.apache.james.server.task.json.dto.AdditionalInformationDTO;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;
import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;
import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;
import org.apache.james.user.api.UsersRepository;
import org.hackablemail.spam.SpamFilter;

/**
 * The Bayes training tasks as James's task manager knows them: how {@code /tasks/{id}} shows their progress, and how
 * they are written down. Named in {@code extensions.properties} as
 * {@code guice.extension.task=org.hackablemail.tasks.BayesTaskExtensionModule}.
 */
public class BayesTaskExtensionModule implements TaskExtensionModule {
    private final Set<TaskDTOModule<? extends Task, ? extends TaskDTO>> tasks;

    @Inject
    public BayesTaskExtensionModule(SpamFilter spamFilter, MailboxManager mailboxManager, MessageIdManager messageIdManager,
                                    UsersRepository users) {
        this.tasks = Set.of(
            MailboxTrainingTaskDTO.module(spamFilter, mailboxManager, messageIdManager),
            UploadTrainingTaskDTO.module(spamFilter),
            InboxHamTaskDTO.module(spamFilter, users, mailboxManager, messageIdManager));
    }

    @Override
    public Set<TaskDTOModule<? extends Task, ? extends TaskDTO>> taskDTOModules() {
        return tasks;
    }

    @Override
    public Set<AdditionalInformationDTOModule<? extends TaskExecutionDetails.AdditionalInformation,
        ? extends AdditionalInformationDTO>> taskAdditionalInformationDTOModules() {
        return Set.of(TrainingDetailsDTO.MODULE);
    }
}
