package org.hackablemail.tasks;

import java.time.Instant;

import org.apache.james.json.DTOModule;
import org.apache.james.server.task.json.dto.AdditionalInformationDTO;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@link TrainingDetails} in JSON, for {@code /tasks/{id}}. */
public record TrainingDetailsDTO(@JsonProperty("type") String type, @JsonProperty("source") String source,
                                 @JsonProperty("user") String user, @JsonProperty("mailbox") String mailbox,
                                 @JsonProperty("label") String label, @JsonProperty("layer") String layer,
                                 @JsonProperty("messagesPerSecond") int messagesPerSecond,
                                 @JsonProperty("processed") long processed, @JsonProperty("learnt") long learnt,
                                 @JsonProperty("alreadyKnown") long alreadyKnown, @JsonProperty("failed") long failed,
                                 @JsonProperty("timestamp") Instant timestamp) implements AdditionalInformationDTO {
    public static final String TYPE = "hackablemail-bayes-training";

    public static final AdditionalInformationDTOModule<TrainingDetails, TrainingDetailsDTO> MODULE =
        DTOModule.forDomainObject(TrainingDetails.class)
            .convertToDTO(TrainingDetailsDTO.class)
            .toDomainObjectConverter(dto -> new TrainingDetails(dto.source, dto.user, dto.mailbox, dto.label, dto.layer,
                dto.messagesPerSecond, dto.processed, dto.learnt, dto.alreadyKnown, dto.failed, dto.timestamp))
            .toDTOConverter((details, type) -> new TrainingDetailsDTO(type, details.source(), details.user(),
                details.mailbox(), details.label(), details.layer(), details.messagesPerSecond(), details.processed(),
                details.learnt(), details.alreadyKnown(), details.failed(), details.timestamp()))
            .typeName(TYPE)
            .withFactory(AdditionalInformationDTOModule::new);

    @Override
    public String getType() {
        return type;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }
}
