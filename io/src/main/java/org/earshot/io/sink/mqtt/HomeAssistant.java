package org.earshot.io.sink.mqtt;

import org.earshot.io.sink.EventJson;

/**
 * Home Assistant MQTT discovery: one binary sensor per room and alert label, switched on by each event
 * on its topic and off again after {@code offDelaySeconds}, with the event's fields as attributes and the
 * room's status topic as availability. All sensors of a room belong to one device, {@code earshot ROOM}.
 */
final class HomeAssistant {
    private HomeAssistant() {
    }

    static String configTopic(final MqttSinkConfig c, final String roomLevel, final String label) {
        return c.discoveryPrefix() + "/binary_sensor/earshot_" + roomLevel + "/" + EventJson.topicLevel(label)
            + "/config";
    }

    static String configPayload(final MqttSinkConfig c, final String room, final String roomLevel, final String label) {
        final String labelLevel = EventJson.topicLevel(label);
        final String eventTopic = c.topicPrefix() + "/" + roomLevel + "/event/" + labelLevel;
        final String id = "earshot_" + roomLevel + "_" + labelLevel;
        return "{\"name\":" + quote(label)
            + ",\"unique_id\":" + quote(id)
            + ",\"object_id\":" + quote(id)
            + ",\"device_class\":\"sound\""
            + ",\"state_topic\":" + quote(eventTopic)
            + ",\"value_template\":\"{{ 'ON' }}\""
            + ",\"payload_on\":\"ON\""
            + ",\"off_delay\":" + c.offDelaySeconds()
            + ",\"json_attributes_topic\":" + quote(eventTopic)
            + ",\"availability_topic\":" + quote(c.topicPrefix() + "/" + roomLevel + "/status")
            + ",\"payload_available\":\"online\",\"payload_not_available\":\"offline\""
            + ",\"device\":{\"identifiers\":[" + quote("earshot_" + roomLevel) + "],\"name\":"
                + quote("earshot " + room)
            + ",\"manufacturer\":\"earshot\",\"model\":\"room-monitor\"}}";
    }

    private static String quote(final String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
