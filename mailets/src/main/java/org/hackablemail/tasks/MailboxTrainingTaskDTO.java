package org.hackablemail.tasks;

import org.apache.james.core.Username;
import org.apache.james.json.DTOModule;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MessageIdManager;
import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;
import org.hackablemail.spam.SpamFilter;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@link MailboxTrainingTask} in JSON, for task managers that hand tasks to other nodes. */
public record MailboxTrainingTaskDTO(@JsonProperty("type") String type, @JsonProperty("user") String user,
                                     @JsonProperty("mailbox") String mailbox, @JsonProperty("label") String label,
                                     @JsonProperty("layer") String layer,
                                     @JsonProperty("messagesPerSecond") int messagesPerSecond) implements TaskDTO {

    public static TaskDTOModule<MailboxTrainingTask, MailboxTrainingTaskDTO> module(SpamFilter spamFilter,
            MailboxManager mailboxManager, MessageIdManager messageIdManager) {
        return DTOModule.forDomainObject(MailboxTrainingTask.class)
            .convertToDTO(MailboxTrainingTaskDTO.class)
            .toDomainObjectConverter(dto -> new MailboxTrainingTask(spamFilter, mailboxManager, messageIdManager,
                Username.of(dto.user), dto.mailbox, TrainingLabels.parse(dto.label), Layer.parse(dto.layer),
                dto.messagesPerSecond))
            .toDTOConverter((task, type) -> new MailboxTrainingTaskDTO(type, task.user().asString(), task.mailbox(),
                task.labelName(), task.layer().label(), task.messagesPerSecond()))
            .typeName(MailboxTrainingTask.TYPE.asString())
            .withFactory(TaskDTOModule::new);
    }

    @Override
    public String getType() {
        return type;
    }
}
