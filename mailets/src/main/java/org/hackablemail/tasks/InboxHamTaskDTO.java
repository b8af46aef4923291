package org.hackablemail.tasks;

import java.time.Clock;
import java.time.Duration;

import org.apache.james.json.DTOModule;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MessageIdManager;
import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;
import org.apache.james.user.api.UsersRepository;
import org.hackablemail.spam.SpamFilter;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@link InboxHamTask} in JSON. */
public record InboxHamTaskDTO(@JsonProperty("type") String type, @JsonProperty("afterSeconds") long afterSeconds,
                              @JsonProperty("messagesPerSecond") int messagesPerSecond) implements TaskDTO {

    public static TaskDTOModule<InboxHamTask, InboxHamTaskDTO> module(SpamFilter spamFilter, UsersRepository users,
            MailboxManager mailboxManager, MessageIdManager messageIdManager) {
        return DTOModule.forDomainObject(InboxHamTask.class)
            .convertToDTO(InboxHamTaskDTO.class)
            .toDomainObjectConverter(dto -> new InboxHamTask(spamFilter, users, mailboxManager, messageIdManager,
                Duration.ofSeconds(dto.afterSeconds), dto.messagesPerSecond, Clock.systemUTC()))
            .toDTOConverter((task, type) -> new InboxHamTaskDTO(type, task.after().toSeconds(), task.messagesPerSecond()))
            .typeName(InboxHamTask.TYPE.asString())
            .withFactory(TaskDTOModule::new);
    }

    @Override
    public String getType() {
        return type;
    }
}
