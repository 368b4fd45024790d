namespace Ada.Service.Takes;

/// <summary>How urgently someone needs a take generated; lower values are served first.</summary>
internal enum TakeUrgency
{
    /// <summary>Being played and rendered less than the starving lead ahead of its reader.</summary>
    Starving = 0,
    /// <summary>Being played, comfortably ahead.</summary>
    Playing = 1,
    /// <summary>Armed in a ring but the transport is stopped.</summary>
    Armed = 2,
    /// <summary>Rendered ahead in case it is played (e.g. a note-on of a variation not armed yet).</summary>
    Prerender = 3,
    /// <summary>Nobody needs it.</summary>
    None = 4,
}
