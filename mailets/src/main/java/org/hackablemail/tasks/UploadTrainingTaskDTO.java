package org.hackablemail.tasks;

import java.nio.file.Path;

import org.apache.james.json.DTOModule;
import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;
import org.hackablemail.spam.SpamFilter;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@link UploadTrainingTask} in JSON. The upload is a file of the node that received it: another node cannot run the
 * task unless the data directory is shared.
 */
public record UploadTrainingTaskDTO(@JsonProperty("type") String type, @JsonProperty("upload") String upload,
                                    @JsonProperty("label") String label,
                                    @JsonProperty("messagesPerSecond") int messagesPerSecond) implements TaskDTO {

    public static TaskDTOModule<UploadTrainingTask, UploadTrainingTaskDTO> module(SpamFilter spamFilter) {
        return DTOModule.forDomainObject(UploadTrainingTask.class)
            .convertToDTO(UploadTrainingTaskDTO.class)
            .toDomainObjectConverter(dto -> new UploadTrainingTask(spamFilter, Path.of(dto.upload),
                TrainingLabels.parse(dto.label), dto.messagesPerSecond))
            .toDTOConverter((task, type) -> new UploadTrainingTaskDTO(type, task.upload().toString(), task.labelName(),
                task.messagesPerSecond()))
            .typeName(UploadTrainingTask.TYPE.asString())
            .withFactory(TaskDTOModule::new);
    }

    @Override
    public String getType() {
        return type;
    }
}
