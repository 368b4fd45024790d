using System.Globalization;
using System.Text;

namespace AdaPlugin.Tests.Harness;

/// <summary>The Lua session scripts for ardour7-lua (Ardour 7.3's Lua API).</summary>
internal static class ArdourScripts
{
    /// <summary>
    /// A session with one MIDI track playing AdaPlugin, a MIDI region of <paramref name="seconds"/> holding
    /// <paramref name="notes"/> (sample positions at 48 kHz) and plug-in parameters set by label (plain values).
    /// </summary>
    public static string CreateSession(string folder, string name, double seconds, IEnumerable<NoteSpec> notes,
        IReadOnlyDictionary<string, double> parameters)
    {
        var noteLines = new StringBuilder();
        foreach (var n in notes)
        {
            noteLines.AppendLine(CultureInfo.InvariantCulture, $"note({n.Start}, {n.Length}, {n.Key}, {(int)Math.Round(n.Velocity * 127)})");
        }
        var settings = new StringBuilder();
        foreach (var (label, value) in parameters)
        {
            settings.AppendLine(CultureInfo.InvariantCulture, $"set(\"{label}\", {value})");
        }
        return $$"""
            assert(create_session("{{folder}}", "{{name}}", 48000), "cannot create the session")
            local info = ARDOUR.LuaAPI.new_plugin_info("{{AdaPluginRegistration.ClassId}}", ARDOUR.PluginType.VST3)
            assert(not info:isnil(), "AdaPlugin is not in Ardour's VST3 cache")
            local tracks = Session:new_midi_track(ARDOUR.ChanCount(ARDOUR.DataType("midi"), 1),
              ARDOUR.ChanCount(ARDOUR.DataType("audio"), 2), true, info, nil, nil, 1, "Ada",
              ARDOUR.PresentationInfo.max_order, ARDOUR.TrackMode.Normal, true)
            local track = tracks:front()

            -- Lua cannot create an empty MIDI region in Ardour 7.3: bounce the still-empty track to get one.
            local region = track:bounce_range(0, {{(long)(seconds * 48000)}}, ARDOUR.InterThreadInfo(), ARDOUR.LuaAPI.nil_proc(), false, "notes")
            -- Add it inside an undo command; otherwise the session has no range and the export renders nothing.
            local playlist = track:playlist()
            Session:begin_reversible_command("insert region")
            playlist:to_stateful():clear_changes()
            playlist:add_region(region, Temporal.timepos_t(0), 1, false, 0, 0, false)
            Session:add_stateful_diff_command(playlist:to_statefuldestructible())
            Session:commit_reversible_command(nil)

            local model = region:to_midiregion():midi_source(0):model()
            local diff = model:new_note_diff_command("notes")
            local tempo = Temporal.TempoMap.read()
            local function note(start, length, key, velocity)
              local on = tempo:quarters_at(Temporal.timepos_t(start))
              local off = tempo:quarters_at(Temporal.timepos_t(start + length))
              diff:add(ARDOUR.LuaAPI.new_noteptr(1, on, off - on, key, velocity))
            end
            {{noteLines}}
            model:apply_command(Session, diff)

            local proc = track:nth_plugin(0)
            local plugin = proc:to_insert():plugin(0)
            local function set(label, value)
              for i = 0, plugin:parameter_count() - 1 do
                if plugin:parameter_label(i) == label then
                  assert(ARDOUR.LuaAPI.set_processor_param(proc, i, value), "cannot set " .. label)
                  return
                end
              end
              error("AdaPlugin has no parameter " .. label)
            end
            {{settings}}
            print("ADA range", Session:current_start_sample(), Session:current_end_sample())
            Session:save_state("", false, false, false, false, false)
            close_session()
            """;
    }

    /// <summary>Loads a saved session and prints "ADA param &lt;label&gt; &lt;value&gt;" for each plug-in parameter.</summary>
    public static string PrintParameters(string folder, string name) => $$"""
        assert(load_session("{{folder}}", "{{name}}"), "cannot load the session")
        for route in Session:get_routes():iter() do
          local proc = route:nth_plugin(0)
          if not proc:isnil() then
            local plugin = proc:to_insert():plugin(0)
            for i = 0, plugin:parameter_count() - 1 do
              print("ADA param", plugin:parameter_label(i), (ARDOUR.LuaAPI.get_processor_param(proc, i)))
            end
          end
        end
        close_session()
        """;
}
