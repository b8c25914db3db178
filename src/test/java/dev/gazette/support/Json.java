package dev.gazette.support;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Reading and writing the API's JSON in tests. */
public final class Json {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	public static JsonNode read(HttpResponse<String> response) {
		return MAPPER.readTree(response.body());
	}

	/** A JSON object from alternating names and values; {@code null} values are written as JSON null. */
	public static String object(Object... namesAndValues) {
		Map<String, Object> object = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			object.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return MAPPER.writeValueAsString(object);
	}
}
